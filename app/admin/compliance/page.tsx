import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import type { DateRange } from './compliance-form';
import { ComplianceReport } from './compliance-report';

export const metadata: Metadata = { title: 'Compliance report · Admin' };

/** From the first of this month to today, as whole UTC days. */
function monthToDate(now: Date): DateRange {
  const today = now.toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export default async function AdminCompliancePage() {
  await requireAdmin('/admin/compliance');
  return (
    <>
      <PageHeader
        title="Compliance report"
        description="How many audit events of each action happened in a date range, and to how many distinct users, most frequent first."
      />
      {/* The default is worked out here so server and browser render the same dates. */}
      <ComplianceReport initialRange={monthToDate(new Date())} />
    </>
  );
}
