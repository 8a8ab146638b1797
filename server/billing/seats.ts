import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database } from '@/db/types';
import { env } from '@/env';
import type { AuditContext } from '@/server/audit/record-event';

import { seatsOf } from './organization-facts';
import { planOfPrice } from './plans';
import { ENTITLING_STATUSES, readStripeSnapshot, syncStripeCustomer } from './sync';

export type SeatSync = { seats: number; updated: string[] };

// Each round sets the quantity to the count it read, then reads the count again: a
// member who joined or left meanwhile (another request's sync may have landed
// first, with an older count) gets a round of their own. Two rounds cover any pair
// of racing changes; a third is for bad luck, and the reconciliation for the rest.
const MAX_ROUNDS = 3;

async function seatsAndCustomer(db: Database, organizationId: string) {
  return withServiceRole(db, async (tx) => {
    const [account] = await tx
      .select({ customerId: billingAccounts.stripeCustomerId })
      .from(billingAccounts)
      .where(eq(billingAccounts.organizationId, organizationId));
    return { seats: await seatsOf(tx, organizationId), customerId: account?.customerId ?? null };
  });
}

/**
 * Makes the quantity of the organization's paid subscriptions equal its member count
 * (after a member joins, leaves or is removed, and in the reconciliation). Setting an
 * absolute quantity is idempotent, and a subscription already right is not touched,
 * so a repeat or a concurrent run changes nothing. Stripe prorates the change as
 * STRIPE_PRORATION_BEHAVIOR says; our copy is then synced from Stripe, as a webhook
 * would, so the billing page shows the new quantity at once. Null: nothing is billed.
 */
export async function syncSeats(
  db: Database,
  stripe: Stripe,
  organizationId: string,
  audit: AuditContext,
): Promise<SeatSync | null> {
  const updated = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const { seats, customerId } = await seatsAndCustomer(db, organizationId);
    if (!customerId || seats === 0) return null;
    const { subscriptions } = await readStripeSnapshot(stripe, customerId);
    for (const subscription of subscriptions) {
      const item = subscription.items.data[0];
      if (!ENTITLING_STATUSES.includes(subscription.status) || !item) continue;
      if (!planOfPrice(item.price.id) || item.quantity === seats) continue;
      await stripe.subscriptions.update(subscription.id, {
        items: [{ id: item.id, quantity: seats }],
        proration_behavior: env.STRIPE_PRORATION_BEHAVIOR,
      });
      updated.add(subscription.id);
    }
    if (updated.size > 0) await syncStripeCustomer(db, stripe, customerId, audit);
    const now = await seatsAndCustomer(db, organizationId);
    if (now.seats === seats) return { seats, updated: [...updated] };
  }
  return { seats: (await seatsAndCustomer(db, organizationId)).seats, updated: [...updated] };
}

// Subscriptions that may still invoice: everything but the finished ones (unpaid,
// paused and incomplete ones can still be paid or resumed).
const FINISHED = new Set(['canceled', 'incomplete_expired']);

/** Whether a subscription ends by the close of its current period. */
function endsThisPeriod(subscription: Stripe.Subscription) {
  if (subscription.cancel_at_period_end) return true;
  const periodEnd = subscription.items.data[0]?.current_period_end;
  return Boolean(subscription.cancel_at && periodEnd && subscription.cancel_at <= periodEnd);
}

/**
 * Before a team is deleted: expires its open Checkout Sessions (nobody may pay for a
 * team that is gone), then answers whether Stripe itself will bill it again (a
 * subscription not finished and not ending this period). Stripe is asked, since our
 * copy may not yet have heard of a checkout finished a moment ago.
 */
export async function closeForDeletion(db: Database, stripe: Stripe, organizationId: string) {
  const customerId = (await seatsAndCustomer(db, organizationId)).customerId;
  if (!customerId) return false;
  const open = await stripe.checkout.sessions.list({ customer: customerId, status: 'open' });
  await Promise.all(
    open.data.map((session) => stripe.checkout.sessions.expire(session.id).catch(() => null)),
  );
  const { subscriptions } = await readStripeSnapshot(stripe, customerId);
  return subscriptions.some(
    (subscription) => !FINISHED.has(subscription.status) && !endsThisPeriod(subscription),
  );
}
