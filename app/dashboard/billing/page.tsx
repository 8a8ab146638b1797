import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { requireUser } from '@/server/page-session';

import { BillingOverview } from './billing-overview';
import { planSummaries } from './plan-summaries';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage() {
  await requireUser('/dashboard/billing');
  const plans = planSummaries();
  return (
    <div>
      {/* The plan's own actions (upgrade, the billing portal) are on its cards below. */}
      <PageHeader
        title="Billing"
        description="Your personal workspace’s plan and usage; a team’s billing is on its own page. Payments, invoices and cancelling are handled by Stripe in the billing portal."
      />
      <BillingOverview plans={plans} billingConfigured={billingFromEnv() !== null} />
    </div>
  );
}
