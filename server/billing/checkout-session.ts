import { createHash } from 'node:crypto';

import Stripe from 'stripe';

import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

// A session this recent, for the same price, is handed out again instead of being
// replaced: a second click, a second tab or a retry lands on the page the first
// one opened. Older ones are replaced (and expired), so a stale page is not kept
// alive for the whole day Stripe would allow.
const REUSE_WINDOW_SECONDS = 10 * 60;

// Subscriptions that still bill or may resume: a customer with one changes plan in
// the portal rather than buying a second. `incomplete` (a first payment that failed)
// grants nothing and Stripe expires it within a day: it must not block a new try.
const FINISHED = new Set<Stripe.Subscription.Status>([
  'canceled',
  'incomplete',
  'incomplete_expired',
]);

export type OpenedSession = { id: string; url: string; created: boolean };

/**
 * The idempotency key of a new session: the organization, the price, and the customer's
 * newest session as seen before creating. Requests racing from the same state (two
 * instances, a double submit) share one key, so Stripe creates one session and
 * replays it to the others, or answers 409 while it is still being created. Once a
 * session exists the state differs, so a later purchase (after a cancellation, or
 * after another price replaced this one) never replays a finished session.
 */
function creationKey(
  organizationId: string,
  price: string,
  seats: number,
  newestSessionId: string | undefined,
) {
  const state = `${organizationId}:${price}:${seats}:${newestSessionId ?? 'none'}`;
  return `lean-saas-checkout-${createHash('sha256').update(state).digest('hex')}`;
}

/** Expires a session; one that another request closed first is already what we want. */
async function expireIfOpen(stripe: Stripe, sessionId: string) {
  try {
    await stripe.checkout.sessions.expire(sessionId);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
  }
}

/**
 * The customer's Checkout Session for `price`: refused (409) if they already have
 * a subscription, asking Stripe itself (our copy may lag behind a webhook); a
 * recent open one for the same price if there is one; else a new one. Every other
 * open session is expired, so two tabs cannot both be paid.
 */
export async function openCheckoutSession(
  stripe: Stripe,
  customer: string,
  purchase: {
    organizationId: string;
    userId: string;
    plan: string;
    price: string;
    /** The organization's members now; seat sync keeps the quantity in step after. */
    seats: number;
    returnUrl: (path: string) => string;
    billingPath: string;
  },
): Promise<OpenedSession> {
  const [existing, open, newest] = await Promise.all([
    stripe.subscriptions.list({ customer, status: 'all', limit: 20 }),
    stripe.checkout.sessions.list({ customer, status: 'open', limit: 20 }),
    stripe.checkout.sessions.list({ customer, limit: 1 }),
  ]);
  const live = existing.data.find((subscription) => !FINISHED.has(subscription.status));
  if (live) {
    throw new AppError('CONFLICT', said('billing.subscribedAlready'), { subscriptionId: live.id });
  }
  const now = Date.now() / 1000;
  const reusable = open.data.find(
    (session) =>
      session.status === 'open' &&
      session.url &&
      session.metadata?.priceId === purchase.price &&
      session.metadata?.seats === String(purchase.seats) &&
      now - session.created < REUSE_WINDOW_SECONDS,
  );
  await Promise.all(
    open.data
      .filter((session) => session.status === 'open' && session.id !== reusable?.id)
      .map((session) => expireIfOpen(stripe, session.id)),
  );
  if (reusable?.url) return { id: reusable.id, url: reusable.url, created: false };

  const session = await stripe.checkout.sessions.create(
    {
      mode: 'subscription',
      customer,
      line_items: [{ price: purchase.price, quantity: purchase.seats }],
      // Stripe fills in the placeholder; the success page syncs from that session.
      success_url: `${purchase.returnUrl(`${purchase.billingPath}/success`)}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: purchase.returnUrl(purchase.billingPath),
      client_reference_id: purchase.organizationId,
      metadata: {
        organizationId: purchase.organizationId,
        userId: purchase.userId,
        plan: purchase.plan,
        priceId: purchase.price,
        seats: String(purchase.seats),
      },
      subscription_data: { metadata: { organizationId: purchase.organizationId } },
    },
    {
      idempotencyKey: creationKey(
        purchase.organizationId,
        purchase.price,
        purchase.seats,
        newest.data[0]?.id,
      ),
    },
  );
  if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
  const replayed = session.lastResponse?.headers?.['idempotent-replayed'] === 'true';
  return { id: session.id, url: session.url, created: !replayed };
}
