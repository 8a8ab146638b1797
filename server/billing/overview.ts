import { desc, eq } from 'drizzle-orm';

import { billingAccounts, subscriptions } from '@/db/schema/billing';
import type { Tx } from '@/db/types';
import type { LimitDecision } from '@/server/platform/infra/rate-limit/check';

import { seatsOf } from './organization-facts';
import { entitlementsOf } from './plans';
import { ENTITLING_STATUSES } from './sync';

/**
 * Counts that other modules own, passed in (server/root.ts wires them) so billing
 * does not import the modules that consult its plans.
 */
export type BillingUsageSources = {
  /** The organization's active API keys, counted in this transaction. */
  activeApiKeys: (tx: Tx, organizationId: string) => Promise<number>;
};

const finiteOrNull = (limit: number) => (Number.isFinite(limit) ? limit : null);

/**
 * An organization's billing page figures, read as the caller (RLS): plan, the
 * subscription behind it (billing members, admins and owners only), seats, and usage
 * against the plan's limits. `tierCount` is this request's count of the caller's
 * tier limit (not of a stricter limit counted beside it): the requests line is the
 * caller's own, as the limiter counts and caps them (a session's tier is the best
 * plan among its organizations, an API key's its organization's).
 */
export async function billingOverviewOf(
  tx: Tx,
  organizationId: string,
  usage: BillingUsageSources,
  tierCount?: LimitDecision,
) {
  const [account] = await tx
    .select({ plan: billingAccounts.plan })
    .from(billingAccounts)
    .where(eq(billingAccounts.organizationId, organizationId));
  const plan = account?.plan ?? 'free';
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.organizationId, organizationId))
    .orderBy(desc(subscriptions.createdAt))
    .limit(20);
  const subscription =
    rows.find((row) => ENTITLING_STATUSES.includes(row.status) && row.plan) ?? rows[0] ?? null;
  return {
    plan,
    subscription,
    hasBillingAccount: account !== undefined,
    usage: {
      seats: {
        used: await seatsOf(tx, organizationId),
        limit: finiteOrNull(entitlementsOf(plan).members),
      },
      apiKeys: {
        used: await usage.activeApiKeys(tx, organizationId),
        limit: finiteOrNull(entitlementsOf(plan).apiKeys),
      },
      requests:
        tierCount && !tierCount.degraded
          ? {
              used: tierCount.limit - tierCount.remaining,
              limit: tierCount.limit,
              resetsAt: new Date(tierCount.resetAt),
            }
          : null,
    },
  };
}
