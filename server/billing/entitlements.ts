import { eq, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database, DbOrTx } from '@/db/types';
import { appCache } from '@/server/platform/infra/cache/app-cache';

import { PLAN_RANK, type Plan } from './plans';

// Kept short: a lookup that read the old plan just before a change committed may
// still store it after the change's own write, and this bounds how long it lasts.
const PLAN_TTL_SECONDS = 60;

export const billingCache = () => appCache('billing');
const planTag = (organizationId: string) => `billing:${organizationId}`;
const memberTag = (userId: string) => `billing-member:${userId.toLowerCase()}`;

/**
 * An organization's plan as the database holds it, read in the caller's transaction
 * (under RLS a member reads their organizations' plans only). For decisions that
 * must be exact, such as the API-key limit taken under a lock.
 */
export async function planInTx(tx: DbOrTx, organizationId: string): Promise<Plan> {
  const [account] = await tx
    .select({ plan: billingAccounts.plan })
    .from(billingAccounts)
    .where(eq(billingAccounts.organizationId, organizationId));
  return account?.plan ?? 'free';
}

/**
 * An organization's plan for the hot path (the rate-limit tier of an API key's
 * requests): cached in both levels and rewritten by every sync.
 */
export function cachedPlanOf(db: Database, organizationId: string): Promise<Plan> {
  return billingCache().getOrLoad(
    `plan:${organizationId}`,
    () => withServiceRole(db, (tx) => planInTx(tx, organizationId)),
    { ttlSeconds: PLAN_TTL_SECONDS, tags: [planTag(organizationId)] },
  );
}

export const bestPlan = (plans: Plan[]): Plan =>
  plans.reduce<Plan>((best, plan) => (PLAN_RANK[plan] > PLAN_RANK[best] ? plan : best), 'free');

/**
 * The best plan among a user's organizations: a signed-in session's tier (the
 * dashboard acts in all of them). Cached under every one of those organizations'
 * tags, so a plan change of any of them drops it; a membership change drops it by
 * the user's tag (forgetMemberPlan).
 */
export async function cachedPlanOfMember(db: Database, userId: string): Promise<Plan> {
  const key = `member-plan:${userId.toLowerCase()}`;
  const cached = await billingCache().get<Plan>(key);
  if (cached) return cached;
  // Memberships are the organizations module's; this reads them only to join.
  const rows = await withServiceRole(db, (tx) =>
    queryRows<{ organization_id: string; plan: Plan | null }>(
      tx,
      sql`select m.organization_id, b.plan from memberships m
          left join billing_accounts b on b.organization_id = m.organization_id
          where m.user_id = ${userId}::uuid`,
    ),
  );
  const plan = bestPlan(rows.map((row) => row.plan ?? 'free'));
  await billingCache().set(key, plan, {
    ttlSeconds: PLAN_TTL_SECONDS,
    tags: [memberTag(userId), ...rows.map((row) => planTag(row.organization_id))],
  });
  return plan;
}

/**
 * After a commit that may have changed an organization's plan: this instance and the
 * shared level hold the new plan at once (its members' best plans are dropped);
 * other instances' local copies within 5 s.
 */
export async function rememberPlan(organizationId: string, plan: Plan) {
  const cache = billingCache();
  await cache.invalidateTag(planTag(organizationId));
  await cache.set(`plan:${organizationId}`, plan, {
    ttlSeconds: PLAN_TTL_SECONDS,
    tags: [planTag(organizationId)],
  });
}

/** After a user joined or left an organization, or their account changed. */
export const forgetMemberPlan = (userId: string) => billingCache().invalidateTag(memberTag(userId));
