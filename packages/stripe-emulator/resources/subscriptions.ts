import type { Context } from '../context';
import { invalidParam, noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import type { State } from '../store';
import type { Interval, Metadata, Price, Subscription, SubscriptionItem } from '../types';
import { getPrice } from './catalog';
import { createInvoice } from './invoices';

/**
 * `seconds` moved by one calendar month or year in UTC. A day that does not exist in
 * the target month (31 Jan + 1 month) becomes that month's last day, as Stripe bills.
 */
export function addInterval(seconds: number, interval: Interval): number {
  const date = new Date(seconds * 1000);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return Math.floor(date.getTime() / 1000);
}

export function getSubscription(state: State, id: string, param = 'id'): Subscription {
  const subscription = state.subscriptions.get(id);
  if (!subscription) throw noSuch('subscription', id, param);
  return subscription;
}

/** A price a subscription may be moved to: it must exist and be sellable. */
export function sellablePrice(state: State, id: string, param: string): Price {
  const price = getPrice(state, id, param);
  if (!price.active) throw invalidParam(param, `The price ${id} is not active.`);
  return price;
}

export function buildItem(
  subscriptionId: string,
  price: Price,
  quantity: number,
  periodStart: number,
): SubscriptionItem {
  return {
    id: newId.subscriptionItem(),
    object: 'subscription_item',
    created: periodStart,
    current_period_end: addInterval(periodStart, price.recurring.interval),
    current_period_start: periodStart,
    discounts: [],
    metadata: {},
    price: structuredClone(price),
    quantity,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

/** Stripe bills all items of a subscription together, so they share currency and interval. */
export function assertCompatibleItems(items: SubscriptionItem[], param: string): void {
  const [first, ...rest] = items;
  for (const item of rest) {
    if (first && item.price.currency !== first.price.currency) {
      throw invalidParam(param, 'All prices on a subscription must have the same currency.');
    }
    if (first && item.price.recurring.interval !== first.price.recurring.interval) {
      throw invalidParam(param, 'All prices on a subscription must have the same interval.');
    }
  }
}

/**
 * A new, paid, active subscription (after a successful checkout, or created by the
 * API): its first invoice is paid at once. Emits `customer.subscription.created`,
 * then `invoice.paid`.
 */
export function startSubscription(
  ctx: Context,
  fields: {
    customer: string;
    lineItems: { price: Price; quantity: number }[];
    metadata: Metadata;
  },
): Subscription {
  const now = nowSeconds();
  const id = newId.subscription();
  const items = fields.lineItems.map(({ price, quantity }) => buildItem(id, price, quantity, now));
  assertCompatibleItems(items, 'items');
  const subscription: Subscription = {
    id,
    object: 'subscription',
    billing_cycle_anchor: now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: items[0]?.price.currency ?? 'usd',
    customer: fields.customer,
    days_until_due: null,
    default_payment_method: null,
    description: null,
    discounts: [],
    ended_at: null,
    items: {
      object: 'list',
      data: items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: fields.metadata,
    pause_collection: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: 'active',
    test_clock: null,
    trial_end: null,
    trial_start: null,
  };
  ctx.state.subscriptions.set(id, subscription);
  const invoice = createInvoice(ctx, subscription, { paid: true, reason: 'subscription_create' });
  subscription.latest_invoice = invoice.id;
  ctx.emit('customer.subscription.created', subscription);
  ctx.emit('invoice.paid', invoice);
  return subscription;
}
