import type Stripe from 'stripe';

import type { Tx } from '@/db/types';

import { forgetMemberPlan } from '@/server/billing/entitlements';
import { closeForDeletion, syncSeats } from '@/server/billing/seats';
import { callStripe } from '@/server/billing/stripe-errors';
import { withTimeout } from '@/server/platform/infra/timeout';
import type { Context } from '@/server/trpc';

import { deletableTeam, stillBilled } from './organizations';

type OrganizationContext = {
  organization: { id: string; run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> };
};

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

/**
 * Before a team is deleted (after the caller's permission and confirmation are
 * checked, so nobody else learns of its billing): its open checkouts are expired, so
 * nobody pays for a team that is gone, and the deletion is refused while Stripe will
 * bill it again. Billing off, nothing is billed; deleteTeam checks our copy as well.
 */
export async function refuseWhileStripeBills(ctx: Context & OrganizationContext, confirm: string) {
  await ctx.organization.run((tx) => deletableTeam(tx, ctx.organization.id, confirm));
  let stripe: Stripe;
  try {
    stripe = ctx.billing().stripe;
  } catch {
    return;
  }
  const renews = await callStripe(() =>
    closeForDeletion(ctx.serviceDb, stripe, ctx.organization.id),
  );
  if (renews) throw stillBilled();
}
