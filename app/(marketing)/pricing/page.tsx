import type { Metadata } from 'next';

import { PLAN_IDS, PLAN_RANK, PLANS, type Plan } from '@/server/billing/plans';
import { getPageIdentity, pageCaller } from '@/server/page-session';

import { PricingPlans, type PricingPlan } from './pricing-plans';

export const metadata: Metadata = { title: 'Pricing' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed-in user's plan, or null when signed out. */
async function currentPlanOf(): Promise<Plan | null> {
  // Like the header: if the database is down, show the page signed out.
  const identity = await getPageIdentity().catch(() => null);
  if (identity?.kind !== 'user') return null;
  return (await pageCaller()).billing.subscription().then(
    (overview) => overview.plan,
    () => 'free' as const,
  );
}

export default async function PricingPage({ searchParams }: Props) {
  const { checkout } = await searchParams;
  const currentPlan = await currentPlanOf();
  const plans: PricingPlan[] = PLAN_IDS.map((id) => {
    const { name, description, amounts, highlights } = PLANS[id];
    return { id, name, description, amounts, highlights, rank: PLAN_RANK[id] };
  });
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Pricing</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Start free. Upgrade when you need more API keys and a higher request limit; change plan or
          cancel at any time in the billing portal.
        </p>
      </div>
      {checkout === 'canceled' && (
        <p
          role="status"
          className="rounded-md border border-slate-300 bg-slate-50 p-4 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          Checkout canceled. You have not been charged.
        </p>
      )}
      <PricingPlans plans={plans} currentPlan={currentPlan} />
    </div>
  );
}
