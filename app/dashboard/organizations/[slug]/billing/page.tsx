import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { billingFromEnv } from '@/server/billing/stripe-client';
import { requireUser } from '@/server/page-session';

import { planSummaries } from '../../../billing/plan-summaries';
import { TeamBilling } from './team-billing';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  const t = await getTranslations('organizations');
  return { title: t('billing.metaTitle', { slug: (await params).slug }) };
}

/** A team's plan, seats and usage; its owners, admins and billing members manage it. */
export default async function TeamBillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/dashboard/organizations/${encodeURIComponent(slug)}/billing`);
  return (
    <TeamBilling
      slug={slug}
      plans={await planSummaries()}
      billingConfigured={billingFromEnv() !== null}
    />
  );
}
