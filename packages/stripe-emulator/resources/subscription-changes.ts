// Changes to a live subscription, shared by the API (POST/DELETE /v1/subscriptions/:id)
// and the hosted billing portal, so both behave — and emit events — the same way.

import type { Context } from '../context';
import { invalidState } from '../errors';
import { nowSeconds } from '../ids';
import type { Price, Subscription } from '../types';
import { previousAttributes } from './events';
import { createInvoice, markInvoicePaid } from './invoices';
import { prorate, type ProrationBehavior } from './prorations';
import { addInterval } from './subscriptions';

export function assertNotCanceled(subscription: Subscription): void {
  if (subscription.status === 'canceled') {
    throw invalidState(
      `A canceled subscription can only update its cancellation_details and metadata.`,
    );
  }
}

/**
 * Runs `change` on the subscription and, when anything visible changed, emits one
 * `customer.subscription.updated` with `previous_attributes`. Several changes made in
 * one request (metadata and a price switch, say) therefore give a single event. A
 * changed item price or quantity is prorated by `prorationBehavior`; with
 * `always_invoice` the invoice's `invoice.paid` follows the updated event.
 */
export function updateSubscription(
  ctx: Context,
  subscription: Subscription,
  change: (subscription: Subscription) => void,
  prorationBehavior: ProrationBehavior = 'create_prorations',
): void {
  // Changes are made on a draft so a validation error halfway leaves nothing applied.
  const draft = structuredClone(subscription);
  change(draft);
  // Stripe keeps `cancel_at` on the end of the period, even when the period moved.
  if (draft.cancel_at_period_end) {
    draft.cancel_at = draft.items.data[0]?.current_period_end ?? null;
  }
  // After every check: nothing below throws, so no invoice item outlives a refusal.
  const invoice = prorate(ctx, subscription, draft, prorationBehavior);
  const previous = previousAttributes(subscription, draft);
  Object.assign(subscription, draft);
  if (previous) ctx.emit('customer.subscription.updated', subscription, previous);
  if (invoice) ctx.emit('invoice.paid', invoice);
}

/**
 * Moves one item to another price. The same interval keeps the billing period (and
 * `updateSubscription` prorates the change); a new interval restarts the period now,
 * like Stripe's billing-cycle reset, which the emulator neither prorates nor invoices.
 */
export function changeItemPrice(
  subscription: Subscription,
  itemId: string,
  price: Price,
  quantity: number | undefined,
): void {
  const item = subscription.items.data.find((candidate) => candidate.id === itemId);
  if (!item) return;
  const intervalChanged = item.price.recurring.interval !== price.recurring.interval;
  item.price = structuredClone(price);
  if (quantity !== undefined) item.quantity = quantity;
  if (!intervalChanged) return;
  const now = nowSeconds();
  subscription.billing_cycle_anchor = now;
  for (const each of subscription.items.data) {
    each.current_period_start = now;
    each.current_period_end = addInterval(now, each.price.recurring.interval);
  }
}

/** "Cancel at period end" (true) and "Renew" (false). */
export function setCancelAtPeriodEnd(subscription: Subscription, cancel: boolean): void {
  if (subscription.cancel_at_period_end === cancel) return;
  subscription.cancel_at_period_end = cancel;
  // Stripe records when the cancellation was asked for, and forgets it on renewal.
  subscription.canceled_at = cancel ? nowSeconds() : null;
  subscription.cancellation_details.reason = cancel ? 'cancellation_requested' : null;
  if (!cancel) subscription.cancel_at = null;
}

/** Ends the subscription now; emits `customer.subscription.deleted`. */
export function cancelNow(ctx: Context, subscription: Subscription): void {
  assertNotCanceled(subscription);
  const now = nowSeconds();
  subscription.status = 'canceled';
  subscription.canceled_at = now;
  subscription.ended_at = now;
  subscription.cancellation_details.reason = 'cancellation_requested';
  ctx.emit('customer.subscription.deleted', subscription);
}

/**
 * A renewal whose payment failed: a new open invoice becomes the latest, the
 * subscription goes past_due. Emits `invoice.payment_failed`, then
 * `customer.subscription.updated`. The period is not advanced.
 */
export function failPayment(ctx: Context, subscription: Subscription): void {
  assertNotCanceled(subscription);
  const invoice = createInvoice(ctx, subscription, { paid: false, reason: 'subscription_cycle' });
  ctx.emit('invoice.payment_failed', invoice);
  updateSubscription(ctx, subscription, (current) => {
    current.status = 'past_due';
    current.latest_invoice = invoice.id;
  });
}

/** Pays the open latest invoice of a past_due subscription: `invoice.paid`, then updated. */
export function retryPayment(ctx: Context, subscription: Subscription): void {
  const invoice = ctx.state.invoices.get(subscription.latest_invoice ?? '');
  if (subscription.status !== 'past_due' || !invoice || invoice.status !== 'open') {
    throw invalidState('This subscription has no failed payment to retry.');
  }
  markInvoicePaid(invoice);
  ctx.emit('invoice.paid', invoice);
  updateSubscription(ctx, subscription, (current) => {
    current.status = 'active';
  });
}
