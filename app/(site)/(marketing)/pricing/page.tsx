import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { BillingOffNotice } from '@/app/dashboard/billing/billing-off-notice';
import { planWords } from '@/app/dashboard/billing/plan-summaries';
import { initialInterval, planOffers } from '@/server/billing/plan-offers';
import { PLAN_IDS, PLANS, type Interval, type Plan } from '@/server/billing/plans';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { getPageIdentity, pageCaller } from '@/server/page-session';

import { PricingPlans, type PricingPlan } from './pricing-plans';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('marketing.pricing');
  return { title: t('metaTitle') };
}

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
  const t = await getTranslations('marketing.pricing');
  const { checkout } = await searchParams;
  const viewer = await viewerOf();
  const billingConfigured = billingFromEnv() !== null;
  const words = await planWords();
  // Prices from the catalog; the words in the page's language.
  const plans: PricingPlan[] = PLAN_IDS.map((id) => {
    const { name, description, features } = words[id];
    return { id, name, description, amounts: PLANS[id].amounts, highlights: features };
  });
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} description={t('description')} />
      {!billingConfigured && <BillingOffNotice />}
      {checkout === 'canceled' && (
        <p role="status" className="rounded-md border border-border bg-muted p-4">
          {t('checkoutCanceled')}
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
