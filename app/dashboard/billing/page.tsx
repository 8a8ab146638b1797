import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { requireUser } from '@/server/page-session';

import { BillingOverview } from './billing-overview';
import { planSummaries } from './plan-summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing');
  return { title: t('metaTitle') };
}

export default async function BillingPage() {
  await requireUser('/dashboard/billing');
  const t = await getTranslations('billing.page');
  const plans = await planSummaries();
  return (
    <div>
      {/* The plan's own actions (upgrade, the billing portal) are on its cards below. */}
      <PageHeader title={t('title')} description={t('description')} />
      <BillingOverview plans={plans} billingConfigured={billingFromEnv() !== null} />
    </div>
  );
}
