import type { ApiRoute, Context } from '../context';
import { noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import { paginate } from '../list';
import { optionalString } from '../params';
import { newestFirst } from '../store';
import type { Invoice, InvoiceLine, Subscription } from '../types';
import { productName } from './catalog';

/**
 * An invoice for one period of `subscription`: paid (checkout, a retried payment) or
 * open (a failed renewal). Totals are the items' prices times quantities — there are
 * no taxes, discounts or prorations in the emulator.
 */
export function createInvoice(
  ctx: Context,
  subscription: Subscription,
  outcome: { paid: boolean; reason: Invoice['billing_reason'] },
): Invoice {
  const now = nowSeconds();
  const id = newId.invoice();
  const customer = ctx.state.customers.get(subscription.customer);
  const lines = subscription.items.data.map((item): InvoiceLine => ({
    id: newId.invoiceLine(),
    object: 'line_item',
    amount: item.price.unit_amount * item.quantity,
    currency: item.price.currency,
    description: `${item.quantity} × ${productName(ctx.state, item.price)}`,
    invoice: id,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        subscription: subscription.id,
        subscription_item: item.id,
      },
    },
    period: { start: item.current_period_start, end: item.current_period_end },
    pricing: {
      type: 'price_details',
      price_details: { price: item.price.id, product: item.price.product },
      unit_amount_decimal: item.price.unit_amount_decimal,
    },
    quantity: item.quantity,
    subtotal: item.price.unit_amount * item.quantity,
  }));
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const first = subscription.items.data[0];
  const invoice: Invoice = {
    id,
    object: 'invoice',
    amount_due: total,
    amount_paid: outcome.paid ? total : 0,
    amount_remaining: outcome.paid ? 0 : total,
    attempt_count: 1,
    attempted: true,
    billing_reason: outcome.reason,
    collection_method: 'charge_automatically',
    created: now,
    currency: subscription.currency,
    customer: subscription.customer,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    description: null,
    hosted_invoice_url: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    // Stripe retries a failed renewal after a few days; nothing here retries on its own.
    next_payment_attempt: outcome.paid ? null : now + 3 * 24 * 60 * 60,
    number: `${customer?.invoice_prefix ?? 'EMU'}-${String(ctx.state.invoices.size + 1).padStart(4, '0')}`,
    parent: {
      quote_details: null,
      type: 'subscription_details',
      subscription_details: {
        metadata: { ...subscription.metadata },
        subscription: subscription.id,
      },
    },
    period_end: first?.current_period_end ?? now,
    period_start: first?.current_period_start ?? now,
    status: outcome.paid ? 'paid' : 'open',
    status_transitions: {
      finalized_at: now,
      marked_uncollectible_at: null,
      paid_at: outcome.paid ? now : null,
      voided_at: null,
    },
    subtotal: total,
    total,
  };
  ctx.state.invoices.set(invoice.id, invoice);
  return invoice;
}

/** An open invoice paid after the fact (the portal's "Retry payment"). */
export function markInvoicePaid(invoice: Invoice): void {
  const now = nowSeconds();
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempt_count += 1;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
}

export const invoiceRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/invoices/:id',
    handler: (ctx, { path }) => {
      const invoice = ctx.state.invoices.get(path.id ?? '');
      if (!invoice) throw noSuch('invoice', path.id ?? '');
      return invoice;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoices',
    handler: (ctx, { params }) => {
      const customer = optionalString(params, 'customer');
      const subscription = optionalString(params, 'subscription');
      const status = optionalString(params, 'status');
      const invoices = newestFirst(ctx.state.invoices).filter(
        (invoice) =>
          (customer === undefined || invoice.customer === customer) &&
          (subscription === undefined ||
            invoice.parent.subscription_details.subscription === subscription) &&
          (status === undefined || invoice.status === status),
      );
      return paginate(invoices, params, '/v1/invoices');
    },
  },
];
