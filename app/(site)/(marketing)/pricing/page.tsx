import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { BillingOffNotice } from '@/app/dashboard/billing/billing-off-notice';
import { initialInterval, planOffers } from '@/server/billing/plan-offers';
import { PLAN_IDS, PLANS, type Interval, type Plan } from '@/server/billing/plans';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { getPageIdentity, pageCaller } from '@/server/page-session';

import { PricingPlans, type PricingPlan } from './pricing-plans';

export const metadata: Metadata = { title: 'Pricing' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Viewer = { plan: Plan; interval: Interval } | null;

/** The signed-in user's plan and billing interval, or null when signed out. */
async function viewerOf(): Promise<Viewer> {
  // Like the header: if the database is down, show the page signed out.
  const identity = await getPageIdentity().catch(() => null);
  if (identity?.kind !== 'user') return null;
  return (await pageCaller()).billing.subscription().then(
    (overview) => ({ plan: overview.plan, interval: initialInterval(overview.subscription) }),
    () => ({ plan: 'free' as const, interval: 'month' as const }),
  );
}

export default async function PricingPage({ searchParams }: Props) {
  const { checkout } = await searchParams;
  const viewer = await viewerOf();
  const billingConfigured = billingFromEnv() !== null;
  const plans: PricingPlan[] = PLAN_IDS.map((id) => {
    const { name, description, amounts, highlights } = PLANS[id];
    return { id, name, description, amounts, highlights };
  });
  return (
    <div className="space-y-8">
      <PageHeader
        title="Pricing"
        description="Start free. Upgrade when you need more API keys and a higher request limit; change plan or cancel at any time in the billing portal."
      />
      {!billingConfigured && <BillingOffNotice />}
      {checkout === 'canceled' && (
        <p role="status" className="rounded-md border border-border bg-muted p-4">
          Checkout canceled. You have not been charged.
        </p>
      )}
      <PricingPlans
        plans={plans}
        offers={planOffers({ currentPlan: viewer?.plan ?? null, billingConfigured })}
        initialInterval={viewer?.interval ?? 'month'}
      />
    </div>
  );
}
