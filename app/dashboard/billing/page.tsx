import type { Metadata } from 'next';

import { PLAN_IDS, PLAN_RANK, PLANS } from '@/server/billing/plans';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { requireUser } from '@/server/page-session';

import { BillingOverview, type PlanSummary } from './billing-overview';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage() {
  await requireUser('/dashboard/billing');
  const plans: PlanSummary[] = PLAN_IDS.map((id) => ({
    id,
    name: PLANS[id].name,
    rank: PLAN_RANK[id],
  }));
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Billing</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Your plan, your subscription and how much of the plan you use. Payments, invoices and
          cancelling are handled by Stripe in the billing portal.
        </p>
      </div>
      <BillingOverview plans={plans} billingConfigured={billingFromEnv() !== null} />
    </div>
  );
}
