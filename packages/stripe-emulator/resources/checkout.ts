import type { ApiRoute, Context } from '../context';
import { invalidParam, invalidState, missingParam, noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import { paginate } from '../list';
import {
  applyMetadata,
  optionalInteger,
  optionalParams,
  optionalString,
  paramsList,
  requiredString,
  type Params,
} from '../params';
import { newestFirst, type State } from '../store';
import type { CheckoutSession, Price } from '../types';
import { getPrice } from './catalog';
import { createCustomer, getCustomer } from './customers';
import { startSubscription } from './subscriptions';

const DAY = 24 * 60 * 60;

export function getCheckoutSession(state: State, id: string): CheckoutSession {
  const session = state.checkoutSessions.get(id);
  if (!session) throw noSuch('checkout.session', id);
  return session;
}

/** Each `line_items[n]`: an existing, active, recurring price and a quantity (default 1). */
function lineItems(state: State, params: Params): { price: Price; quantity: number }[] {
  const items = paramsList(params, 'line_items');
  if (!items || items.length === 0) throw missingParam('line_items');
  return items.map((item, index) => {
    const param = `line_items[${index}][price]`;
    const price = getPrice(state, requiredString(item, 'price', param), param);
    if (!price.active) throw invalidParam(param, `The price ${price.id} is not active.`);
    const quantity = optionalInteger(item, 'quantity', {
      path: `line_items[${index}][quantity]`,
      min: 1,
    });
    return { price, quantity: quantity ?? 1 };
  });
}

/** The session's customer: the one named, or a new one for `customer_email`. */
function customerFor(ctx: Context, params: Params): string {
  const id = optionalString(params, 'customer');
  if (id) return getCustomer(ctx, id, 'customer').id;
  const email = optionalString(params, 'customer_email');
  if (!email) throw missingParam('customer');
  return createCustomer(ctx, { email }).id;
}

function createSession(ctx: Context, params: Params): CheckoutSession {
  const mode = requiredString(params, 'mode');
  if (mode !== 'subscription') {
    throw invalidParam(
      'mode',
      `The emulator only supports mode=subscription, not '${mode}'.`,
      'parameter_invalid_enum',
    );
  }
  const items = lineItems(ctx.state, params);
  const successUrl = requiredString(params, 'success_url');
  const cancelUrl = requiredString(params, 'cancel_url');
  const subscriptionData = optionalParams(params, 'subscription_data') ?? {};
  const subscriptionMetadata = applyMetadata(
    {},
    subscriptionData,
    'metadata',
    'subscription_data[metadata]',
  );
  const metadata = applyMetadata({}, params);
  const customer = customerFor(ctx, params);
  const created = nowSeconds();
  const id = newId.checkoutSession();
  const total = items.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    amount_subtotal: total,
    amount_total: total,
    cancel_url: cancelUrl,
    client_reference_id: optionalString(params, 'client_reference_id') || null,
    created,
    currency: items[0]?.price.currency ?? 'usd',
    customer,
    customer_details: null,
    customer_email: optionalString(params, 'customer_email') || null,
    expires_at: created + DAY,
    invoice: null,
    livemode: false,
    metadata,
    mode,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    status: 'open',
    subscription: null,
    success_url: successUrl,
    ui_mode: 'hosted',
    url: `${ctx.baseUrl()}/checkout/${id}`,
  };
  ctx.state.checkoutSessions.set(id, session);
  ctx.state.checkoutExtras.set(id, {
    lineItems: items.map(({ price, quantity }) => ({ price: price.id, quantity })),
    subscriptionMetadata,
  });
  return session;
}

/**
 * A successful payment on the hosted page: the subscription (with its paid first
 * invoice) starts, and the session completes. Events, in this order:
 * `customer.subscription.created`, `invoice.paid`, `checkout.session.completed`.
 */
export function completeCheckout(ctx: Context, session: CheckoutSession): void {
  if (session.status !== 'open') throw invalidState('This Checkout Session is not open.');
  const extras = ctx.state.checkoutExtras.get(session.id);
  if (!extras) throw invalidState('This Checkout Session has no line items.');
  const subscription = startSubscription(ctx, {
    customer: session.customer,
    lineItems: extras.lineItems.map((item) => ({
      price: getPrice(ctx.state, item.price),
      quantity: item.quantity,
    })),
    metadata: { ...extras.subscriptionMetadata },
  });
  const customer = ctx.state.customers.get(session.customer);
  session.status = 'complete';
  session.payment_status = 'paid';
  session.subscription = subscription.id;
  session.invoice = subscription.latest_invoice;
  session.customer_details = {
    email: customer?.email ?? session.customer_email,
    name: customer?.name ?? null,
  };
  ctx.emit('checkout.session.completed', session);
}

export const checkoutRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions',
    handler: (ctx, { params }) => createSession(ctx, params),
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id',
    handler: (ctx, { path }) => getCheckoutSession(ctx.state, path.id ?? ''),
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions',
    handler: (ctx, { params }) => {
      const customer = optionalString(params, 'customer');
      const subscription = optionalString(params, 'subscription');
      const status = optionalString(params, 'status');
      const sessions = newestFirst(ctx.state.checkoutSessions).filter(
        (session) =>
          (customer === undefined || session.customer === customer) &&
          (subscription === undefined || session.subscription === subscription) &&
          (status === undefined || session.status === status),
      );
      return paginate(sessions, params, '/v1/checkout/sessions');
    },
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id/expire',
    handler: (ctx, { path }) => {
      const session = getCheckoutSession(ctx.state, path.id ?? '');
      if (session.status !== 'open') {
        throw invalidState('Only Checkout Sessions with a status of `open` can be expired.');
      }
      session.status = 'expired';
      ctx.emit('checkout.session.expired', session);
      return session;
    },
  },
];
