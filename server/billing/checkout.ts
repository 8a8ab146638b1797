import type Stripe from 'stripe';

import { recordAuditEvent } from '@/server/audit/record-event';
import { appUrl } from '@/server/platform/app-url';
import { AppError } from '@/server/platform/errors';

import type { BillingCall } from './billing-call';
import { ensureStripeCustomer, stripeCustomerIdOf } from './customer';
import { stripePriceIds, type Interval, type PaidPlan } from './plans';
import { callStripe, isStripeNotFound } from './stripe-errors';
import { syncStripeCustomer, type SyncResult } from './sync';

// Subscriptions that still bill or may resume: a customer with one changes plan in
// the portal rather than buying a second.
const FINISHED = new Set<Stripe.Subscription.Status>(['canceled', 'incomplete_expired']);

/**
 * Refuses a second subscription, asking Stripe itself (our copy may lag behind a
 * webhook), and expires the customer's other open Checkout Sessions, so two tabs
 * cannot both be paid.
 */
async function assertNoOtherPurchase(stripe: Stripe, customer: string) {
  const existing = await stripe.subscriptions.list({ customer, status: 'all', limit: 20 });
  const live = existing.data.find((subscription) => !FINISHED.has(subscription.status));
  if (live) {
    throw new AppError(
      'CONFLICT',
      'You already have a subscription. Change plans in the billing portal.',
      { subscriptionId: live.id },
    );
  }
  const sessions = await stripe.checkout.sessions.list({ customer, status: 'open', limit: 20 });
  for (const session of sessions.data) {
    if (session.status === 'open') await stripe.checkout.sessions.expire(session.id);
  }
}

/** A Stripe Checkout Session for a paid plan; the caller opens its URL. */
export async function startCheckout(
  call: BillingCall,
  input: { plan: PaidPlan; interval: Interval },
): Promise<{ url: string }> {
  const session = await callStripe(async () => {
    const customer = await ensureStripeCustomer(call.db, call.stripe, call, call.audit);
    await assertNoOtherPurchase(call.stripe, customer);
    return call.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      line_items: [{ price: stripePriceIds()[input.plan][input.interval], quantity: 1 }],
      // Stripe fills in the placeholder; the success page syncs from that session.
      success_url: `${appUrl('/dashboard/billing/success')}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: appUrl('/pricing?checkout=canceled'),
      client_reference_id: call.userId,
      metadata: { userId: call.userId, plan: input.plan },
      subscription_data: { metadata: { userId: call.userId } },
    });
  });
  if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
  await call.rls((tx) =>
    recordAuditEvent(
      tx,
      {
        actorId: call.userId,
        action: 'billing.checkout_started',
        resourceType: 'checkout_session',
        resourceId: session.id,
        details: { plan: input.plan, interval: input.interval },
      },
      call.audit,
    ),
  );
  return { url: session.url };
}

/**
 * The success page's sync: the user sees the new plan at once, whether or not the
 * webhook has arrived. Only the session's own customer may confirm it.
 */
export async function confirmCheckout(call: BillingCall, sessionId: string): Promise<SyncResult> {
  const customer = await stripeCustomerIdOf(call.db, call.userId);
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
    throw new AppError('NOT_FOUND', 'No such checkout session.');
  }
  const result = await callStripe(() =>
    syncStripeCustomer(call.db, call.stripe, customer, call.audit),
  );
  if (!result) throw new Error('the billing account vanished during the sync');
  return result;
}
