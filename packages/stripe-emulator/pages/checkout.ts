import type { Context } from '../context';
import { optionalString } from '../params';
import { productName } from '../resources/catalog';
import { completeCheckout } from '../resources/checkout';
import type { CheckoutSession } from '../types';
import { escapeHtml, formatMoney, notFoundPage, page, safeHref } from './layout';
import type { PageResult, PageRoute } from './types';

const DEFAULT_CARD = '4242 4242 4242 4242';
/** Stripe's test cards that decline: generic decline and insufficient funds. */
const DECLINED_CARDS = new Set(['4000000000000002', '4000000000009995']);

/** Stripe fills the `{CHECKOUT_SESSION_ID}` placeholder so the app can look the session up. */
const successUrl = (session: CheckoutSession) =>
  session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);

function summary(ctx: Context, session: CheckoutSession): string {
  const extras = ctx.state.checkoutExtras.get(session.id);
  const lines = (extras?.lineItems ?? []).map((item) => {
    const price = ctx.state.prices.get(item.price);
    if (!price) return '';
    const quantity = item.quantity > 1 ? ` × ${item.quantity}` : '';
    return `<li><strong>${escapeHtml(productName(ctx.state, price))}</strong>${escapeHtml(quantity)} —
      ${escapeHtml(formatMoney(price.unit_amount, price.currency))} / ${escapeHtml(price.recurring.interval)}</li>`;
  });
  const email =
    ctx.state.customers.get(session.customer)?.email ?? session.customer_email ?? 'no email';
  return `<ul>${lines.join('')}</ul>
<p>Total due today: <strong>${escapeHtml(formatMoney(session.amount_total, session.currency))}</strong></p>
<p>Customer: <strong>${escapeHtml(email)}</strong></p>`;
}

function closedBody(session: CheckoutSession): string {
  if (session.status === 'expired') {
    return '<p role="status">This checkout session has expired.</p>';
  }
  const href = safeHref(successUrl(session));
  return `<p role="status">This checkout session is complete: the payment went through.</p>
${href ? `<p><a href="${href}">Continue</a></p>` : ''}`;
}

export function renderCheckout(
  ctx: Context,
  session: CheckoutSession,
  form: { card?: string; error?: string } = {},
): string {
  const cancel = safeHref(session.cancel_url);
  const body =
    session.status !== 'open'
      ? closedBody(session)
      : `${form.error ? `<p role="alert">${escapeHtml(form.error)}</p>` : ''}
<form class="block" method="post" action="/checkout/${escapeHtml(session.id)}/pay">
  <label for="card">Card number</label>
  <input id="card" name="card" inputmode="numeric" autocomplete="cc-number"
    value="${escapeHtml(form.card ?? DEFAULT_CARD)}">
  <p class="muted">Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.</p>
  <button type="submit">Pay</button>
</form>
${cancel ? `<p><a href="${cancel}">Cancel</a></p>` : ''}`;
  return page('Checkout', `<h1>Checkout</h1>\n${summary(ctx, session)}\n${body}`);
}

function pay(ctx: Context, session: CheckoutSession, card: string): PageResult {
  if (session.status !== 'open') return { status: 409, html: renderCheckout(ctx, session) };
  const digits = card.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) {
    const error = 'Your card number is incomplete.';
    return { status: 400, html: renderCheckout(ctx, session, { card, error }) };
  }
  if (DECLINED_CARDS.has(digits)) {
    const error = 'Your card was declined.';
    return { status: 402, html: renderCheckout(ctx, session, { card, error }) };
  }
  completeCheckout(ctx, session);
  return { redirect: successUrl(session) };
}

export const checkoutPages: PageRoute[] = [
  {
    method: 'GET',
    pattern: '/checkout/:id',
    handler: (ctx, path) => {
      const session = ctx.state.checkoutSessions.get(path.id ?? '');
      if (!session) return { status: 404, html: notFoundPage() };
      return { status: 200, html: renderCheckout(ctx, session) };
    },
  },
  {
    method: 'POST',
    pattern: '/checkout/:id/pay',
    handler: (ctx, path, form) => {
      const session = ctx.state.checkoutSessions.get(path.id ?? '');
      if (!session) return { status: 404, html: notFoundPage() };
      return pay(ctx, session, optionalString(form, 'card') ?? '');
    },
  },
];
