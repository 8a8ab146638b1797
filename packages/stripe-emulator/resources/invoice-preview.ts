// POST /v1/invoices/create_preview: the next invoice of a subscription as it stands —
// its pending prorations plus the next period at the current quantities. Never stored.

import type { ApiRoute, Context } from '../context';
import { invalidParam, missingParam, noUpcomingInvoice } from '../errors';
import { newId } from '../ids';
import { optionalString, type Params } from '../params';
import type { Invoice, Subscription } from '../types';
import { getCustomer } from './customers';
import { buildInvoice, invoiceItemLine, periodLine } from './invoice-build';
import { pendingItems } from './invoice-items';
import { addInterval, getSubscription } from './subscriptions';

/** With only a customer, Stripe previews the subscription that invoices next. */
function nextToInvoice(ctx: Context, customer: string): Subscription | undefined {
  const live = [...ctx.state.subscriptions.values()].filter(
    (subscription) => subscription.customer === customer && subscription.status !== 'canceled',
  );
  const periodEnd = (subscription: Subscription) =>
    subscription.items.data[0]?.current_period_end ?? Number.POSITIVE_INFINITY;
  return live.sort((a, b) => periodEnd(a) - periodEnd(b))[0];
}

function subscriptionFor(ctx: Context, params: Params): Subscription | undefined {
  const customer = optionalString(params, 'customer');
  const id = optionalString(params, 'subscription');
  if (!id) {
    if (!customer) throw missingParam('customer');
    return nextToInvoice(ctx, getCustomer(ctx, customer, 'customer').id);
  }
  const subscription = getSubscription(ctx.state, id, 'subscription');
  if (customer !== undefined && subscription.customer !== customer) {
    throw invalidParam('subscription', `The subscription ${id} does not belong to ${customer}.`);
  }
  return subscription;
}

function previewInvoice(ctx: Context, params: Params): Invoice {
  // Previewing a change (new items, a proration date) is not emulated: answering with
  // the unchanged subscription's invoice would look right and be wrong.
  if (params.subscription_details !== undefined) {
    throw invalidParam(
      'subscription_details',
      'The Stripe emulator previews only the next invoice as it stands, not a change.',
    );
  }
  const subscription = subscriptionFor(ctx, params);
  const customer = optionalString(params, 'customer') ?? subscription?.customer ?? '';
  if (!subscription || subscription.status === 'canceled') throw noUpcomingInvoice(customer);

  const id = newId.invoicePreview();
  const pending = pendingItems(ctx.state, subscription);
  // A subscription that ends at the period's end bills no next period.
  const renewing = subscription.cancel_at_period_end ? [] : subscription.items.data;
  const lines = [
    ...pending.map((item) => invoiceItemLine(item, { id: newId.previewLine(), invoice: id })),
    ...renewing.map((item) =>
      periodLine(ctx, subscription, item, {
        id: newId.previewLine(),
        invoice: id,
        period: {
          start: item.current_period_end,
          end: addInterval(item.current_period_end, item.price.recurring.interval),
        },
      }),
    ),
  ];
  if (lines.length === 0) throw noUpcomingInvoice(customer);
  const first = subscription.items.data[0];
  return buildInvoice(ctx, subscription, {
    id,
    lines,
    reason: 'upcoming',
    status: 'draft',
    // Like a renewal invoice: created when the current period ends, and named after it.
    period: {
      start: first?.current_period_start ?? subscription.created,
      end: first?.current_period_end ?? subscription.created,
    },
  });
}

export const invoicePreviewRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/invoices/create_preview',
    handler: (ctx, { params }) => previewInvoice(ctx, params),
  },
];
