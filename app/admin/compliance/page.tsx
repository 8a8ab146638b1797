import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import type { DateRange } from './compliance-form';
import { ComplianceReport } from './compliance-report';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.compliance');
  return { title: t('metaTitle') };
}

/** From the first of this month to today, as whole UTC days. */
function monthToDate(now: Date): DateRange {
  const today = now.toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export default async function AdminCompliancePage() {
  await requireAdmin('/admin/compliance');
  const t = await getTranslations('admin.compliance');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {/* The default is worked out here so server and browser render the same dates. */}
      <ComplianceReport initialRange={monthToDate(new Date())} />
    </>
  );
}
