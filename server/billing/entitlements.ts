import { eq } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database, DbOrTx } from '@/db/types';
import { appCache } from '@/server/platform/infra/cache/app-cache';

import type { Plan } from './plans';

// Kept short: a lookup that read the old plan just before a change committed may
// still store it after the change's own write, and this bounds how long it lasts.
const PLAN_TTL_SECONDS = 60;

export const billingCache = () => appCache('billing');
const planTag = (userId: string) => `billing:${userId}`;

/**
 * A user's plan as the database holds it, read in the caller's transaction (under
 * RLS a user reads only their own account). For decisions that must be exact, such
 * as the API-key limit taken under a lock.
 */
export async function planInTx(tx: DbOrTx, userId: string): Promise<Plan> {
  const [account] = await tx
    .select({ plan: billingAccounts.plan })
    .from(billingAccounts)
    .where(eq(billingAccounts.userId, userId));
  return account?.plan ?? 'free';
}

/**
 * A user's plan for the hot path (the rate-limit tier of every request): cached in
 * both levels and rewritten by every sync.
 */
export function cachedPlanOf(db: Database, userId: string): Promise<Plan> {
  return billingCache().getOrLoad(
    `plan:${userId}`,
    () => withServiceRole(db, (tx) => planInTx(tx, userId)),
    { ttlSeconds: PLAN_TTL_SECONDS, tags: [planTag(userId)] },
  );
}

/**
 * After a commit that may have changed a user's plan: this instance and the shared
 * level hold the new plan at once; other instances' local copies within 5 s.
 */
export async function rememberPlan(userId: string, plan: Plan) {
  const cache = billingCache();
  await cache.invalidateTag(planTag(userId));
  await cache.set(`plan:${userId}`, plan, {
    ttlSeconds: PLAN_TTL_SECONDS,
    tags: [planTag(userId)],
  });
}

/** Drops the cached plan, to be read again from the database on next use. */
export const forgetPlanOf = (userId: string) => billingCache().invalidateTag(planTag(userId));
