import type { Metadata } from 'next';
import Link from 'next/link';

import { PLANS } from '@/server/billing/plans';

import { pageCaller, requireUser } from '@/server/page-session';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ forbidden?: string }>;
}) {
  const { forbidden } = await searchParams;
  await requireUser('/dashboard');
  const caller = await pageCaller();
  const [me, billing] = await Promise.all([
    caller.me.get(),
    caller.billing.subscription().catch(() => ({ plan: 'free' as const })),
  ]);
  return (
    <div className="space-y-4">
      {forbidden === 'admin' && (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950"
        >
          That page is for admins only.
        </p>
      )}
      <h1 className="text-3xl font-bold tracking-tight">
        Welcome{me.displayName ? `, ${me.displayName}` : ''}
      </h1>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Signed in as</dt>
        <dd>{me.email}</dd>
        <dt className="font-medium">Email</dt>
        <dd>{me.emailVerified ? 'Confirmed' : 'Not confirmed yet: check your inbox'}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{me.role}</dd>
        <dt className="font-medium">Plan</dt>
        <dd>
          <Link
            href="/dashboard/billing"
            className="text-indigo-600 underline dark:text-indigo-400"
          >
            {PLANS[billing.plan].name}
          </Link>
        </dd>
      </dl>
    </div>
  );
}
