import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { env } from '@/env';
import { pageCaller, requireUser } from '@/server/page-session';

import { nextStepFor, NextStep } from './_overview/next-step';
import { QuickStart } from './_overview/quick-start';
import { RecentActivity } from './_overview/recent-activity';
import { UsageCard } from './_overview/usage-card';
import { planNames } from './billing/plan-summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('metaTitle') };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ forbidden?: string }>;
}) {
  const { forbidden } = await searchParams;
  await requireUser('/dashboard');
  const t = await getTranslations('overview');
  const caller = await pageCaller();
  const [me, keys, billing, names] = await Promise.all([
    caller.me.get(),
    caller.apiKeys.list({ limit: 1 }).catch(() => null),
    caller.billing.subscription().catch(() => ({ plan: 'free' as const })),
    planNames(),
  ]);
  const step = nextStepFor({
    emailVerified: me.emailVerified,
    // Unknown (the read failed): do not send them to make one more.
    hasApiKey: keys ? keys.items.length > 0 : true,
    paid: billing.plan !== 'free',
  });
  return (
    <div className="space-y-6">
      {forbidden === 'admin' && (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {t('adminOnly')}
        </p>
      )}
      <PageHeader
        title={me.displayName ? t('welcomeName', { name: me.displayName }) : t('welcome')}
        description={t.rich('signedInAs', {
          email: me.email ?? '',
          state: me.emailVerified ? t('confirmed') : t('notConfirmed'),
          role: t(`roles.${me.role}`),
          // A span each: the address and the state are read on their own.
          address: (chunks) => <span>{chunks}</span>,
          status: (chunks) => <span>{chunks}</span>,
        })}
      />
      <NextStep step={step} />
      <div className="grid gap-6 lg:grid-cols-2">
        <UsageCard planNames={names} />
        <RecentActivity />
      </div>
      <QuickStart appUrl={new URL(env.APP_URL ?? 'http://localhost:3000').origin} />
    </div>
  );
}
