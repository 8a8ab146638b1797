import type { ApiRoute, Context } from '../context';
import { invalidParam, missingParam, noSuch } from '../errors';
import { paginate } from '../list';
import {
  applyMetadata,
  optionalBoolean,
  optionalInteger,
  optionalString,
  paramsList,
  requiredString,
  type Params,
} from '../params';
import { newestFirst, type State } from '../store';
import type { Subscription } from '../types';
import { getCustomer } from './customers';
import { prorationBehavior } from './prorations';
import {
  assertNotCanceled,
  cancelNow,
  changeItemPrice,
  setCancelAtPeriodEnd,
  updateSubscription,
} from './subscription-changes';
import {
  assertCompatibleItems,
  buildItem,
  getSubscription,
  sellablePrice,
  startSubscription,
} from './subscriptions';

const STATUSES = new Set(['active', 'past_due', 'canceled', 'incomplete', 'unpaid', 'trialing']);

function listSubscriptions(ctx: Context, params: Params) {
  const customer = optionalString(params, 'customer');
  const price = optionalString(params, 'price');
  const status = optionalString(params, 'status');
  if (status !== undefined && status !== 'all' && status !== 'ended' && !STATUSES.has(status)) {
    throw invalidParam('status', `Invalid status: ${status}`, 'parameter_invalid_enum');
  }
  const statusMatches = (subscription: Subscription) => {
    // Like Stripe, the default leaves out canceled subscriptions.
    if (status === undefined) return subscription.status !== 'canceled';
    if (status === 'all') return true;
    if (status === 'ended') return subscription.status === 'canceled';
    return subscription.status === status;
  };
  const subscriptions = newestFirst(ctx.state.subscriptions).filter(
    (subscription) =>
      statusMatches(subscription) &&
      (customer === undefined || subscription.customer === customer) &&
      (price === undefined || subscription.items.data.some((item) => item.price.id === price)),
  );
  return paginate(subscriptions, params, '/v1/subscriptions');
}

/** `items[n]`: with `id` it changes (or, with `deleted`, removes) that item; without, adds one. */
function applyItemChanges(state: State, subscription: Subscription, itemParams: Params[]): void {
  for (const [index, item] of itemParams.entries()) {
    const path = `items[${index}]`;
    const id = optionalString(item, 'id', `${path}[id]`);
    const priceId = optionalString(item, 'price', `${path}[price]`);
    const quantity = optionalInteger(item, 'quantity', { path: `${path}[quantity]`, min: 1 });
    const price = priceId ? sellablePrice(state, priceId, `${path}[price]`) : undefined;
    if (id === undefined) {
      if (!price) throw missingParam(`${path}[price]`);
      const start = subscription.items.data[0]?.current_period_start ?? subscription.created;
      subscription.items.data.push(buildItem(subscription.id, price, quantity ?? 1, start));
      continue;
    }
    const existing = subscription.items.data.find((candidate) => candidate.id === id);
    if (!existing) throw noSuch('subscription item', id, `${path}[id]`);
    if (optionalBoolean(item, 'deleted', `${path}[deleted]`)) {
      subscription.items.data = subscription.items.data.filter(
        (candidate) => candidate !== existing,
      );
      continue;
    }
    changeItemPrice(subscription, id, price ?? existing.price, quantity);
  }
  if (subscription.items.data.length === 0) {
    throw invalidParam('items', 'A subscription must keep at least one item.');
  }
  assertCompatibleItems(subscription.items.data, 'items');
  subscription.currency = subscription.items.data[0]?.price.currency ?? subscription.currency;
}

function update(ctx: Context, id: string, params: Params): Subscription {
  const subscription = getSubscription(ctx.state, id);
  const cancelAtPeriodEnd = optionalBoolean(params, 'cancel_at_period_end');
  const items = paramsList(params, 'items');
  const proration = prorationBehavior(params);
  if (cancelAtPeriodEnd !== undefined || items) assertNotCanceled(subscription);
  // payment_behavior and the like are accepted and ignored: every payment succeeds.
  updateSubscription(
    ctx,
    subscription,
    (draft) => {
      if (items) applyItemChanges(ctx.state, draft, items);
      if (cancelAtPeriodEnd !== undefined) setCancelAtPeriodEnd(draft, cancelAtPeriodEnd);
      draft.metadata = applyMetadata(draft.metadata, params);
    },
    proration,
  );
  return subscription;
}

/** A shortcut Stripe does not have: no payment method is needed, the first invoice is paid. */
function create(ctx: Context, params: Params): Subscription {
  const customer = getCustomer(ctx, requiredString(params, 'customer'), 'customer');
  const items = paramsList(params, 'items');
  if (!items) throw missingParam('items');
  const lineItems = items.map((item, index) => ({
    price: sellablePrice(
      ctx.state,
      requiredString(item, 'price', `items[${index}][price]`),
      `items[${index}][price]`,
    ),
    quantity: optionalInteger(item, 'quantity', { path: `items[${index}][quantity]`, min: 1 }) ?? 1,
  }));
  return startSubscription(ctx, {
    customer: customer.id,
    lineItems,
    metadata: applyMetadata({}, params),
  });
}

export const subscriptionRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/subscriptions',
    handler: (ctx, { params }) => create(ctx, params),
  },
  {
    method: 'GET',
    pattern: '/v1/subscriptions',
    handler: (ctx, { params }) => listSubscriptions(ctx, params),
  },
  {
    method: 'GET',
    pattern: '/v1/subscriptions/:id',
    handler: (ctx, { path }) => getSubscription(ctx.state, path.id ?? ''),
  },
  {
    method: 'POST',
    pattern: '/v1/subscriptions/:id',
    handler: (ctx, { params, path }) => update(ctx, path.id ?? '', params),
  },
  {
    method: 'DELETE',
    pattern: '/v1/subscriptions/:id',
    handler: (ctx, { path }) => {
      const subscription = getSubscription(ctx.state, path.id ?? '');
      cancelNow(ctx, subscription);
      return subscription;
    },
  },
];
