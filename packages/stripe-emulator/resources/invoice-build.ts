// The parts of an invoice shared by the stored ones (`createInvoice`) and the preview
// of the next one (`create_preview`): its lines and its totals.

import type { Context } from '../context';
import { nowSeconds } from '../ids';
import type { Invoice, InvoiceItem, InvoiceLine, Subscription, SubscriptionItem } from '../types';
import { productName } from './catalog';

type Period = { start: number; end: number };

/** A line billing one subscription item for a whole period, at its current quantity. */
export function periodLine(
  ctx: Context,
  subscription: Subscription,
  item: SubscriptionItem,
  fields: { id: string; invoice: string; period: Period },
): InvoiceLine {
  const amount = item.price.unit_amount * item.quantity;
  return {
    id: fields.id,
    object: 'line_item',
    amount,
    currency: item.price.currency,
    description: `${item.quantity} × ${productName(ctx.state, item.price)}`,
    invoice: fields.invoice,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: subscription.id,
        subscription_item: item.id,
      },
    },
    period: fields.period,
    pricing: {
      type: 'price_details',
      price_details: { price: item.price.id, product: item.price.product },
      unit_amount_decimal: item.price.unit_amount_decimal,
    },
    quantity: item.quantity,
    subtotal: amount,
  };
}

/**
 * The line a pending proration becomes. As in Stripe, it still names the subscription
 * item (`subscription_item_details`), with the invoice item and `proration: true`.
 */
export function invoiceItemLine(
  invoiceItem: InvoiceItem,
  fields: { id: string; invoice: string },
): InvoiceLine {
  const { subscription, subscription_item } = invoiceItem.parent.subscription_details;
  return {
    id: fields.id,
    object: 'line_item',
    amount: invoiceItem.amount,
    currency: invoiceItem.currency,
    description: invoiceItem.description,
    invoice: fields.invoice,
    livemode: false,
    metadata: { ...invoiceItem.metadata },
    parent: {
      type: 'subscription_item_details',
      subscription_item_details: {
        invoice_item: invoiceItem.id,
        proration: invoiceItem.proration,
        proration_details: { credited_items: null },
        subscription,
        subscription_item,
      },
    },
    period: { ...invoiceItem.period },
    pricing: structuredClone(invoiceItem.pricing),
    quantity: invoiceItem.quantity,
    subtotal: invoiceItem.amount,
  };
}

/**
 * An invoice of `subscription` with these lines: `paid`/`open` ones are finalized (and
 * numbered), a `draft` is a preview. The customer's balance is applied as Stripe does:
 * credit (negative) lowers the amount due, and a negative total leaves credit behind
 * in `ending_balance` instead of a refund. Neither stores nor changes anything.
 */
export function buildInvoice(
  ctx: Context,
  subscription: Subscription,
  fields: {
    id: string;
    lines: InvoiceLine[];
    reason: Invoice['billing_reason'];
    status: Invoice['status'];
    period: Period;
  },
): Invoice {
  const now = nowSeconds();
  const { id, lines, status, period } = fields;
  const customer = ctx.state.customers.get(subscription.customer);
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const startingBalance = customer?.balance ?? 0;
  const owed = total + startingBalance;
  const amountDue = Math.max(0, owed);
  const paid = status === 'paid';
  const draft = status === 'draft';
  return {
    id,
    object: 'invoice',
    amount_due: amountDue,
    amount_paid: paid ? amountDue : 0,
    amount_remaining: paid ? 0 : amountDue,
    attempt_count: draft ? 0 : 1,
    attempted: !draft,
    billing_reason: fields.reason,
    collection_method: 'charge_automatically',
    created: now,
    currency: subscription.currency,
    customer: subscription.customer,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    description: null,
    ending_balance: draft ? null : Math.min(0, owed),
    hosted_invoice_url: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    // A preview is charged when it is created, at the period's end. Stripe retries a
    // failed payment after a few days; nothing here retries on its own.
    next_payment_attempt: paid ? null : draft ? period.end : now + 3 * 24 * 60 * 60,
    number: draft
      ? null
      : `${customer?.invoice_prefix ?? 'EMU'}-${String(ctx.state.invoices.size + 1).padStart(4, '0')}`,
    parent: {
      quote_details: null,
      type: 'subscription_details',
      subscription_details: {
        metadata: { ...subscription.metadata },
        subscription: subscription.id,
      },
    },
    period_end: period.end,
    period_start: period.start,
    starting_balance: startingBalance,
    status,
    status_transitions: {
      finalized_at: draft ? null : now,
      marked_uncollectible_at: null,
      paid_at: paid ? now : null,
      voided_at: null,
    },
    subtotal: total,
    total,
  };
}
