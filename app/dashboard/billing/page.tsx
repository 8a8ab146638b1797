import type { Metadata } from 'next';

import { billingFromEnv } from '@/server/billing/stripe-client';
import { requireUser } from '@/server/page-session';

import { BillingOverview } from './billing-overview';
import { planSummaries } from './plan-summaries';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage() {
  await requireUser('/dashboard/billing');
  const plans = planSummaries();
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Billing</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Your personal workspace’s plan, subscription and usage; a team’s billing is on its own
          page. Payments, invoices and cancelling are handled by Stripe in the billing portal.
        </p>
      </div>
      <BillingOverview plans={plans} billingConfigured={billingFromEnv() !== null} />
    </div>
  );
}
