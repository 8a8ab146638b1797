import type { Context } from '../context';
import { optionalString, type Params } from '../params';
import { productName } from '../resources/catalog';
import {
  assertNotCanceled,
  cancelNow,
  changeItemPrice,
  failPayment,
  retryPayment,
  setCancelAtPeriodEnd,
  updateSubscription,
} from '../resources/subscription-changes';
import { sellablePrice } from '../resources/subscriptions';
import { newestFirst } from '../store';
import type { PortalSession, Price, Subscription } from '../types';
import {
  escapeHtml,
  formatDate,
  formatMoney,
  intervalAdjective,
  notFoundPage,
  page,
  safeHref,
} from './layout';
import type { PageResult, PageRoute } from './types';

const planName = (ctx: Context, price: Price) =>
  `${productName(ctx.state, price)} ${intervalAdjective(price.recurring.interval)}`;

/**
 * The prices a subscription can switch to: active, recurring, same currency, not the
 * current one; one per button name, so each "Switch to …" button is unambiguous.
 */
function switchTargets(ctx: Context, subscription: Subscription): Price[] {
  const current = subscription.items.data[0]?.price.id;
  const byName = new Map<string, Price>();
  for (const price of ctx.state.prices.values()) {
    const product = ctx.state.products.get(price.product);
    if (!price.active || !product?.active || price.id === current) continue;
    if (price.currency !== subscription.currency) continue;
    const name = planName(ctx, price);
    if (!byName.has(name)) byName.set(name, price);
  }
  return [...byName.values()];
}

function button(
  session: PortalSession,
  action: string,
  subscription: Subscription,
  label: string,
  extra = '',
): string {
  return `<form method="post" action="/portal/${escapeHtml(session.id)}/${action}">
  <input type="hidden" name="subscription" value="${escapeHtml(subscription.id)}">${extra}
  <button type="submit">${escapeHtml(label)}</button>
</form>`;
}

function renderSubscription(ctx: Context, session: PortalSession, subscription: Subscription) {
  const item = subscription.items.data[0];
  if (!item) return '';
  const headingId = `subscription-${escapeHtml(subscription.id)}`;
  const when = subscription.cancel_at_period_end
    ? `Cancels on ${formatDate(item.current_period_end)}`
    : `Renews on ${formatDate(item.current_period_end)}`;
  const switches = switchTargets(ctx, subscription).map((price) =>
    button(
      session,
      'switch',
      subscription,
      `Switch to ${planName(ctx, price)}`,
      `\n  <input type="hidden" name="price" value="${escapeHtml(price.id)}">`,
    ),
  );
  const actions = [
    ...switches,
    subscription.cancel_at_period_end
      ? button(session, 'renew', subscription, 'Renew subscription')
      : button(session, 'cancel-at-period-end', subscription, 'Cancel at period end'),
    button(session, 'cancel-now', subscription, 'Cancel now'),
    button(session, 'fail-payment', subscription, 'Simulate failed payment'),
    ...(subscription.status === 'past_due'
      ? [button(session, 'retry-payment', subscription, 'Retry payment')]
      : []),
  ];
  return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(planName(ctx, item.price))}</h2>
<p>${escapeHtml(formatMoney(item.price.unit_amount * item.quantity, item.price.currency))} / ${escapeHtml(item.price.recurring.interval)}</p>
<p>Status: <strong>${escapeHtml(subscription.status)}</strong></p>
<p>${escapeHtml(when)}</p>
<div>${actions.join('\n')}</div>
</section>`;
}

export function renderPortal(ctx: Context, session: PortalSession): string {
  const customer = ctx.state.customers.get(session.customer);
  const subscriptions = newestFirst(ctx.state.subscriptions).filter(
    (subscription) =>
      subscription.customer === session.customer && subscription.status !== 'canceled',
  );
  const list =
    subscriptions.length === 0
      ? '<p>You have no active subscriptions.</p>'
      : subscriptions
          .map((subscription) => renderSubscription(ctx, session, subscription))
          .join('\n');
  const back = session.return_url ? safeHref(session.return_url) : null;
  return page(
    'Billing portal',
    `<h1>Billing portal</h1>
<p>Signed in as <strong>${escapeHtml(customer?.email ?? customer?.id ?? session.customer)}</strong></p>
${list}
${back ? `<p><a href="${back}">Return</a></p>` : ''}`,
  );
}

const ACTIONS: Record<string, (ctx: Context, subscription: Subscription, form: Params) => void> = {
  switch: (ctx, subscription, form) => {
    assertNotCanceled(subscription);
    const price = sellablePrice(ctx.state, optionalString(form, 'price') ?? '', 'price');
    updateSubscription(ctx, subscription, (draft) => {
      const item = draft.items.data[0];
      if (item) changeItemPrice(draft, item.id, price, undefined);
      draft.currency = price.currency;
    });
  },
  'cancel-at-period-end': (ctx, subscription) => {
    assertNotCanceled(subscription);
    updateSubscription(ctx, subscription, (draft) => setCancelAtPeriodEnd(draft, true));
  },
  renew: (ctx, subscription) => {
    assertNotCanceled(subscription);
    updateSubscription(ctx, subscription, (draft) => setCancelAtPeriodEnd(draft, false));
  },
  'cancel-now': cancelNow,
  'fail-payment': failPayment,
  'retry-payment': retryPayment,
};

/**
 * A portal button. The subscription must belong to the portal session's customer —
 * anything else is answered as not found, so one customer's session can never act
 * on (or probe for) another's subscriptions.
 */
function act(ctx: Context, path: Record<string, string>, form: Params): PageResult {
  const session = ctx.state.portalSessions.get(path.id ?? '');
  const action = Object.hasOwn(ACTIONS, path.action ?? '') ? ACTIONS[path.action ?? ''] : undefined;
  const subscription = ctx.state.subscriptions.get(optionalString(form, 'subscription') ?? '');
  if (!session || !action || !subscription || subscription.customer !== session.customer) {
    return { status: 404, html: notFoundPage() };
  }
  action(ctx, subscription, form);
  return { redirect: `${ctx.baseUrl()}/portal/${session.id}` };
}

export const portalPages: PageRoute[] = [
  {
    method: 'GET',
    pattern: '/portal/:id',
    handler: (ctx, path) => {
      const session = ctx.state.portalSessions.get(path.id ?? '');
      if (!session) return { status: 404, html: notFoundPage() };
      return { status: 200, html: renderPortal(ctx, session) };
    },
  },
  { method: 'POST', pattern: '/portal/:id/:action', handler: act },
];
