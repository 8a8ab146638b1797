import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { env } from '@/env';
import { PLAN_IDS, PLANS } from '@/server/billing/plans';
import { pageCaller, requireUser } from '@/server/page-session';

import { nextStepFor, NextStep } from './_overview/next-step';
import { QuickStart } from './_overview/quick-start';
import { RecentActivity } from './_overview/recent-activity';
import { UsageCard } from './_overview/usage-card';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ forbidden?: string }>;
}) {
  const { forbidden } = await searchParams;
  await requireUser('/dashboard');
  const caller = await pageCaller();
  const [me, keys, billing] = await Promise.all([
    caller.me.get(),
    caller.apiKeys.list({ limit: 1 }).catch(() => null),
    caller.billing.subscription().catch(() => ({ plan: 'free' as const })),
  ]);
  const step = nextStepFor({
    emailVerified: me.emailVerified,
    // Unknown (the read failed): do not send them to make one more.
    hasApiKey: keys ? keys.items.length > 0 : true,
    paid: billing.plan !== 'free',
  });
  const planNames = Object.fromEntries(PLAN_IDS.map((id) => [id, PLANS[id].name])) as Record<
    (typeof PLAN_IDS)[number],
    string
  >;
  return (
    <div className="space-y-6">
      {forbidden === 'admin' && (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          That page is for admins only.
        </p>
      )}
      <PageHeader
        title={`Welcome${me.displayName ? `, ${me.displayName}` : ''}`}
        description={
          <>
            Signed in as <span>{me.email}</span> ·{' '}
            <span>{me.emailVerified ? 'Confirmed' : 'Not confirmed yet: check your inbox'}</span> ·
            Role {me.role}
          </>
        }
      />
      <NextStep step={step} />
      <div className="grid gap-6 lg:grid-cols-2">
        <UsageCard planNames={planNames} />
        <RecentActivity />
      </div>
      <QuickStart appUrl={new URL(env.APP_URL ?? 'http://localhost:3000').origin} />
    </div>
  );
}
