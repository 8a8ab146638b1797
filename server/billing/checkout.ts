import { recordAuditEvent } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import type { BillingCall } from './billing-call';
import { openCheckoutSession } from './checkout-session';
import { seatsOf } from './organization-facts';
import { ensureStripeCustomer, stripeCustomerIdOf } from './customer';
import { stripePriceIds, type Interval, type PaidPlan } from './plans';
import { callStripe, isStripeNotFound } from './stripe-errors';
import { syncSeats } from './seats';
import { syncStripeCustomer, type SyncResult } from './sync';

// Checkouts in progress in this process, per organization and price: concurrent requests
// (a double click, several tabs) wait for the one already talking to Stripe and
// get its session. Across instances Stripe's idempotency key does the same.
const inProgress = new Map<string, Promise<{ url: string }>>();

async function startCheckoutNow(
  call: BillingCall,
  input: { plan: PaidPlan; interval: Interval },
  price: string,
): Promise<{ url: string }> {
  const seats = await call.rls((tx) => seatsOf(tx, call.organizationId));
  const session = await callStripe(async () => {
    const customer = await ensureStripeCustomer(call.db, call.stripe, call, call.audit);
    return openCheckoutSession(call.stripe, customer, {
      organizationId: call.organizationId,
      userId: call.userId,
      plan: input.plan,
      price,
      seats,
      returnUrl: call.returnUrl,
      billingPath: call.billingPath,
    });
  });
  // One audit event per session Stripe created, not per click that reached it.
  if (session.created) {
    await call.rls((tx) =>
      recordAuditEvent(
        tx,
        {
          actorId: call.userId,
          organizationId: call.organizationId,
          action: 'billing.checkout_started',
          resourceType: 'checkout_session',
          resourceId: session.id,
          details: { plan: input.plan, interval: input.interval, seats },
        },
        call.audit,
      ),
    );
  }
  return { url: session.url };
}

/**
 * A Stripe Checkout Session for a paid plan, one seat per member of the
 * organization; the caller opens its URL. Idempotent per organization and price for
 * a few minutes (checkout-session.ts): every request in
 * that window gets the same session, or a 409 while Stripe is still creating it.
 */
export function startCheckout(
  call: BillingCall,
  input: { plan: PaidPlan; interval: Interval },
): Promise<{ url: string }> {
  const price = stripePriceIds()[input.plan][input.interval];
  const key = `${call.organizationId}:${price}`;
  const running = inProgress.get(key);
  if (running) return running;
  const started = startCheckoutNow(call, input, price).finally(() => inProgress.delete(key));
  inProgress.set(key, started);
  return started;
}

/**
 * The success page's sync: the user sees the new plan at once, whether or not the
 * webhook has arrived. Only the session's own customer (the organization) may
 * confirm it.
 */
export async function confirmCheckout(call: BillingCall, sessionId: string): Promise<SyncResult> {
  const customer = await stripeCustomerIdOf(call.db, call.organizationId);
  const session = customer
    ? await callStripe(() =>
        call.stripe.checkout.sessions.retrieve(sessionId).catch((error: unknown) => {
          if (isStripeNotFound(error)) return null;
          throw error;
        }),
      )
    : null;
  const sessionCustomer =
    typeof session?.customer === 'string' ? session.customer : session?.customer?.id;
  if (!session || !customer || sessionCustomer !== customer) {
    throw new AppError('NOT_FOUND', said('billing.noSuchCheckout'));
  }
  const result = await callStripe(() =>
    syncStripeCustomer(call.db, call.stripe, customer, call.audit),
  );
  if (!result) throw new Error('the billing account vanished during the sync');
  // Seats were counted when the checkout opened; someone may have joined since. The
  // subscription's webhooks do the same, and the reconciliation after them.
  await syncSeats(call.db, call.stripe, call.organizationId, call.audit).catch(() => null);
  return result;
}
