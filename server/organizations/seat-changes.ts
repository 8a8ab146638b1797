import type Stripe from 'stripe';

import { forgetMemberPlan } from '@/server/billing/entitlements';
import { syncSeats } from '@/server/billing/seats';
import type { Context } from '@/server/trpc';

/**
 * After a member joined, left or was removed (committed): their cached best plan (a
 * session's rate-limit tier) is dropped, and a paying team's seats follow its member
 * count in Stripe. The membership stands whatever Stripe answers: a failed seat
 * sync is logged, and the billing reconciliation (npm run billing:sync, the
 * scheduled job) sets the quantity later.
 */
export async function afterMembersChanged(ctx: Context, organizationId: string, userId: string) {
  await forgetMemberPlan(userId);
  let stripe: Stripe;
  try {
    stripe = ctx.billing().stripe;
  } catch {
    return; // Billing is off: no seats are billed.
  }
  try {
    await syncSeats(ctx.serviceDb, stripe, organizationId, ctx.scope);
  } catch (error) {
    ctx.scope.log.warn(
      { err: error, organizationId },
      'seat sync failed; the billing reconciliation will set the quantity',
    );
  }
}
