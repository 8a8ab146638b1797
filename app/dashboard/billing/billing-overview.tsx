'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import type { RouterOutputs } from '@/app/_components/api-types';
import { useTRPC } from '@/app/_components/trpc-provider';
import type { Plan } from '@/server/billing/plans';

import { ManageBillingButton, UpgradeButton } from './billing-actions';
import { BillingOffNotice } from './billing-off-notice';

export type PlanSummary = { id: Plan; name: string; rank: number };

type Subscription = NonNullable<RouterOutputs['billing']['subscription']['subscription']>;

const count = (value: number | null) =>
  value === null ? 'unlimited' : value.toLocaleString('en-US');

const day = (date: Date) => date.toLocaleDateString('en-US', { dateStyle: 'medium' });

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Past due',
  canceled: 'Canceled',
  unpaid: 'Unpaid',
  incomplete: 'Incomplete',
  incomplete_expired: 'Expired',
  paused: 'Paused',
};

// Dark text on a pale fill keeps the contrast well above 4.5:1.
const STATUS_COLOURS: Record<string, string> = {
  active: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  trialing: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  past_due: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  unpaid: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
};

function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`rounded px-2 py-0.5 text-xs font-medium ${
        STATUS_COLOURS[status] ??
        'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
      }`}
    >
      {STATUS_LABELS[status] ?? status.replaceAll('_', ' ')}
    </span>
  );
}

function periodLine(subscription: Subscription) {
  const { status, cancelAtPeriodEnd, cancelAt, canceledAt, currentPeriodEnd } = subscription;
  if (status === 'canceled') return canceledAt ? `Canceled on ${day(canceledAt)}` : null;
  const cancelsOn = cancelAt ?? (cancelAtPeriodEnd ? currentPeriodEnd : null);
  if (cancelsOn) return `Cancels on ${day(cancelsOn)}`;
  return currentPeriodEnd ? `Renews on ${day(currentPeriodEnd)}` : null;
}

function SubscriptionDetails({ subscription }: { subscription: Subscription | null }) {
  if (!subscription) return <p>There is no subscription yet.</p>;
  const period = periodLine(subscription);
  return (
    <div className="space-y-2">
      <p className="flex items-center gap-2">
        Status: <StatusBadge status={subscription.status} />
      </p>
      <p>
        Billed for {subscription.quantity} {subscription.quantity === 1 ? 'seat' : 'seats'}: one per
        member, prorated as members join and leave.
      </p>
      {period && <p>{period}</p>}
      {subscription.status === 'past_due' && (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Your last payment failed. Update your card in the billing portal to keep your plan.
        </p>
      )}
    </div>
  );
}

/**
 * `billingConfigured`: billingFromEnv() on the server; without it, nothing to buy.
 * `organizationId`: a team's billing; without it, the personal workspace's.
 */
export function BillingOverview({
  plans,
  billingConfigured,
  organizationId,
}: {
  plans: PlanSummary[];
  billingConfigured: boolean;
  organizationId?: string;
}) {
  const trpc = useTRPC();
  const personal = useQuery({
    ...trpc.billing.subscription.queryOptions(),
    enabled: !organizationId,
  });
  const team = useQuery({
    ...trpc.organizations.billing.queryOptions({ organizationId: organizationId ?? '' }),
    enabled: Boolean(organizationId),
    // Members join and leave from other browsers too: the seats are read afresh.
    refetchOnMount: 'always',
  });
  const overview = organizationId ? team : personal;

  if (overview.isPending) return <p role="status">Loading your plan…</p>;
  if (overview.isError) return <p role="alert">Could not load your billing details.</p>;

  const { plan, subscription, hasBillingAccount, usage } = overview.data;
  const current = plans.find((summary) => summary.id === plan);
  // Someone who already pays switches plan in Stripe's portal (one subscription each).
  const upgrades =
    billingConfigured && plan === 'free' ? plans.filter((summary) => summary.id !== 'free') : [];
  const portal = hasBillingAccount && billingConfigured;

  return (
    <div className="space-y-10">
      <section aria-labelledby="plan-heading" className="space-y-3">
        <h2 id="plan-heading" className="text-xl font-semibold">
          Current plan
        </h2>
        <p className="text-2xl font-bold">{current?.name ?? plan}</p>
        <SubscriptionDetails subscription={subscription} />
      </section>

      <section aria-labelledby="usage-heading" className="space-y-3">
        <h2 id="usage-heading" className="text-xl font-semibold">
          Usage
        </h2>
        <ul className="space-y-1">
          {organizationId && (
            <li>
              Members: {count(usage.seats.used)}
              {usage.seats.limit === null
                ? ' (billed per member)'
                : ` of ${count(usage.seats.limit)}`}
            </li>
          )}
          <li>
            API keys: {count(usage.apiKeys.used)} of {count(usage.apiKeys.limit)}
          </li>
          {usage.requests && (
            <li>
              Your requests this hour: {count(usage.requests.used)} of {count(usage.requests.limit)}
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="change-heading" className="space-y-3">
        <h2 id="change-heading" className="text-xl font-semibold">
          Change plan
        </h2>
        {billingConfigured ? (
          <>
            <p className="text-slate-600 dark:text-slate-300">
              {upgrades.length === 0
                ? 'Switch plans, update your card or cancel in the billing portal.'
                : organizationId
                  ? `Paid plans are billed monthly, per member: ${count(usage.seats.used)} now.`
                  : 'Upgrades here are billed monthly; pick yearly billing on the pricing page.'}
            </p>
            <div className="flex flex-wrap items-start gap-3">
              {upgrades.map((summary) =>
                summary.id === 'free' ? null : (
                  <UpgradeButton
                    key={summary.id}
                    plan={summary.id}
                    interval="month"
                    label={`Upgrade to ${summary.name}`}
                    offerPortal={!hasBillingAccount}
                    organizationId={organizationId}
                  />
                ),
              )}
              {portal && <ManageBillingButton organizationId={organizationId} />}
            </div>
          </>
        ) : (
          <BillingOffNotice />
        )}
        <p>
          <Link href="/pricing" className="text-indigo-600 underline dark:text-indigo-400">
            Compare plans
          </Link>
        </p>
      </section>
    </div>
  );
}
