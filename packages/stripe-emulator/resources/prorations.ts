// `proration_behavior` on a subscription update: what a change of an item's quantity
// or price mid-period costs, as pending invoice items (or an invoice at once).

import type { Context } from '../context';
import { invalidParam } from '../errors';
import { newId, nowSeconds } from '../ids';
import { optionalString, type Params } from '../params';
import type { Invoice, InvoiceItem, Subscription, SubscriptionItem } from '../types';
import { productName } from './catalog';
import { createInvoice } from './invoices';

const BEHAVIORS = ['create_prorations', 'none', 'always_invoice'] as const;
export type ProrationBehavior = (typeof BEHAVIORS)[number];

const isBehavior = (value: string): value is ProrationBehavior =>
  (BEHAVIORS as readonly string[]).includes(value);

/** The request's `proration_behavior`; Stripe's default is `create_prorations`. */
export function prorationBehavior(params: Params): ProrationBehavior {
  const value = optionalString(params, 'proration_behavior');
  if (value === undefined) return 'create_prorations';
  if (!isBehavior(value)) {
    throw invalidParam(
      'proration_behavior',
      `Invalid proration_behavior: must be one of ${BEHAVIORS.join(', ')}`,
      'parameter_invalid_enum',
    );
  }
  return value;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "05 Dec 2026" (UTC), as Stripe dates its proration descriptions. */
function day(seconds: number): string {
  const date = new Date(seconds * 1000);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${dd} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** A decimal string with at most 12 places, like Stripe's `*_decimal` fields. */
const decimal = (value: number): string =>
  value
    .toFixed(12)
    .replace(/\.?0+$/, '')
    .replace(/^-0$/, '0');

/**
 * One proration for `item` from `now` to its period's end: a credit (`sign` −1) for
 * the unused time of what it was, or a charge (+1) for the remaining time of what it
 * is. Amount = unit amount × quantity × remaining / period, rounded to the cent.
 * Null when the period is already over.
 */
function prorationItem(
  ctx: Context,
  subscription: Subscription,
  item: SubscriptionItem,
  sign: 1 | -1,
  now: number,
): InvoiceItem | null {
  const { current_period_start: start, current_period_end: end } = item;
  if (end <= now || end <= start) return null;
  const fraction = Math.min(1, (end - now) / (end - start));
  const what = `${item.quantity} × ${productName(ctx.state, item.price)} after ${day(now)}`;
  return {
    id: newId.invoiceItem(),
    object: 'invoiceitem',
    // Rounded as a magnitude, so a credit is exactly the negative of the same charge.
    amount: sign * Math.round(item.price.unit_amount * item.quantity * fraction),
    currency: item.price.currency,
    customer: subscription.customer,
    customer_account: null,
    date: now,
    description: `${sign < 0 ? 'Unused' : 'Remaining'} time on ${what}`,
    discountable: false,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: subscription.id, subscription_item: item.id },
    },
    period: { start: now, end },
    pricing: {
      type: 'price_details',
      price_details: { price: item.price.id, product: item.price.product },
      unit_amount_decimal: decimal(sign * item.price.unit_amount * fraction),
    },
    proration: true,
    proration_details: { credited_items: null, discount_amounts: [] },
    quantity: item.quantity,
    quantity_decimal: String(item.quantity),
    tax_rates: [],
    test_clock: null,
  };
}

const differs = (item: SubscriptionItem, other: SubscriptionItem | undefined) =>
  !other || other.price.id !== item.price.id || other.quantity !== item.quantity;

/**
 * The prorations of going from `before` to `after`, stored as pending invoice items:
 * for each item whose price or quantity changed, a credit for the old and a charge for
 * the new; a removed item only a credit, an added one only a charge. A new interval
 * restarts the period instead (see `changeItemPrice`); that is not prorated here.
 */
function createProrations(ctx: Context, before: Subscription, after: Subscription): InvoiceItem[] {
  const now = nowSeconds();
  const was = new Map(before.items.data.map((item) => [item.id, item]));
  const is = new Map(after.items.data.map((item) => [item.id, item]));
  const periodRestarted = after.items.data.some((item) => {
    const old = was.get(item.id);
    return old !== undefined && old.current_period_end !== item.current_period_end;
  });
  if (periodRestarted) return [];

  const created: (InvoiceItem | null)[] = [];
  for (const old of before.items.data) {
    const current = is.get(old.id);
    if (!differs(old, current)) continue;
    created.push(prorationItem(ctx, after, old, -1, now));
    if (current) created.push(prorationItem(ctx, after, current, 1, now));
  }
  for (const added of after.items.data.filter((item) => !was.has(item.id))) {
    created.push(prorationItem(ctx, after, added, 1, now));
  }
  const items = created.filter((item): item is InvoiceItem => item !== null);
  for (const item of items) ctx.state.invoiceItems.set(item.id, item);
  return items;
}

/**
 * Applies `behavior` to a change from `before` to `after` (the draft about to be
 * saved). `always_invoice` bills the subscription's pending items at once in a paid
 * invoice, which becomes `after.latest_invoice`; that invoice is returned so the
 * caller can emit `invoice.paid` after `customer.subscription.updated`.
 */
export function prorate(
  ctx: Context,
  before: Subscription,
  after: Subscription,
  behavior: ProrationBehavior,
): Invoice | null {
  if (behavior === 'none') return null;
  const created = createProrations(ctx, before, after);
  if (behavior !== 'always_invoice' || created.length === 0) return null;
  const invoice = createInvoice(ctx, after, { paid: true, reason: 'subscription_update' });
  after.latest_invoice = invoice.id;
  return invoice;
}
