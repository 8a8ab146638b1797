import type Stripe from 'stripe';

import { forgetMemberPlan } from '@/server/billing/entitlements';
import { syncSeats } from '@/server/billing/seats';
import { withTimeout } from '@/server/platform/infra/timeout';
import type { Context } from '@/server/trpc';

// How long a join, leave or removal waits for Stripe before it answers anyway: a slow
// or unreachable Stripe must not hold the member's request (its client retries for
// up to half a minute). The sync carries on behind the answer, and is idempotent.
const SEAT_SYNC_WAIT_MS = 5_000;

/**
 * After a member joined, left or was removed (committed): their cached best plan (a
 * session's rate-limit tier) is dropped, and a paying team's seats follow its member
 * count in Stripe. The membership stands whatever Stripe answers: a failed or slow
 * seat sync is logged, and the billing reconciliation (npm run billing:sync, the
 * nightly job) sets the quantity if nothing else does first.
 */
export async function afterMembersChanged(ctx: Context, organizationId: string, userId: string) {
  await forgetMemberPlan(userId);
  let stripe: Stripe;
  try {
    stripe = ctx.billing().stripe;
  } catch {
    return; // Billing is off: no seats are billed.
  }
  const sync = syncSeats(ctx.serviceDb, stripe, organizationId, ctx.scope).catch((error) => {
    ctx.scope.log.warn(
      { err: error, organizationId },
      'seat sync failed; the billing reconciliation will set the quantity',
    );
  });
  await withTimeout(sync, SEAT_SYNC_WAIT_MS).catch(() => {
    ctx.scope.log.warn({ organizationId }, 'seat sync still running; answering without it');
  });
}
