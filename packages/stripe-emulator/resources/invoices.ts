import type { ApiRoute, Context } from '../context';
import { noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import { paginate } from '../list';
import { optionalString } from '../params';
import { newestFirst } from '../store';
import type { Invoice, InvoiceBillingReason, Subscription } from '../types';
import { buildInvoice, invoiceItemLine, periodLine } from './invoice-build';
import { pendingItems } from './invoice-items';

/**
 * A stored invoice of `subscription`: paid (checkout, an update with
 * `proration_behavior=always_invoice`) or open (a failed renewal). It takes in the
 * subscription's pending invoice items (prorations), which are marked invoiced, and
 * moves the customer's balance to its `ending_balance`. An update's invoice bills only
 * those items; the others bill the current period of every item too. No taxes or
 * discounts.
 */
export function createInvoice(
  ctx: Context,
  subscription: Subscription,
  outcome: { paid: boolean; reason: InvoiceBillingReason },
): Invoice {
  const now = nowSeconds();
  const id = newId.invoice();
  const pending = pendingItems(ctx.state, subscription);
  const forUpdate = outcome.reason === 'subscription_update';
  const lines = [
    ...pending.map((item) => invoiceItemLine(item, { id: newId.invoiceLine(), invoice: id })),
    ...(forUpdate ? [] : subscription.items.data).map((item) =>
      periodLine(ctx, subscription, item, {
        id: newId.invoiceLine(),
        invoice: id,
        period: { start: item.current_period_start, end: item.current_period_end },
      }),
    ),
  ];
  const first = subscription.items.data[0];
  const invoice = buildInvoice(ctx, subscription, {
    id,
    lines,
    reason: outcome.reason,
    status: outcome.paid ? 'paid' : 'open',
    period: forUpdate
      ? { start: now, end: now }
      : { start: first?.current_period_start ?? now, end: first?.current_period_end ?? now },
  });
  for (const item of pending) item.invoice = id;
  const customer = ctx.state.customers.get(subscription.customer);
  if (customer) customer.balance = invoice.ending_balance ?? customer.balance;
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
