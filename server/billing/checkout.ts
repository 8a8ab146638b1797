import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import Stripe from 'stripe';

import { subscriptions } from '@/db/schema';
import { recordAuditEvent } from '@/server/audit/record-event';
import { appUrl } from '@/server/platform/app-url';
import { AppError } from '@/server/platform/errors';

import type { BillingCall } from './billing-call';
import { ensureStripeCustomer, stripeCustomerIdOf } from './customer';
import { stripePriceIds, type Interval, type PaidPlan } from './plans';
import { ENTITLING_STATUSES, syncStripeCustomer, type SyncResult } from './sync';

/**
 * A Stripe Checkout Session for a paid plan. A user who already pays changes plan in
 * the customer portal instead, so nobody ends up with two subscriptions.
 */
export async function startCheckout(
  call: BillingCall,
  input: { plan: PaidPlan; interval: Interval },
): Promise<{ url: string }> {
  const [live] = await call.rls((tx) =>
    tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.userId, call.userId),
          inArray(subscriptions.status, ENTITLING_STATUSES),
          isNotNull(subscriptions.plan),
        ),
      )
      .limit(1),
  );
  if (live) {
    throw new AppError(
      'CONFLICT',
      'You already have a subscription. Change plans in the billing portal.',
      { subscriptionId: live.id },
    );
  }
  const customer = await ensureStripeCustomer(call.db, call.stripe, call);
  const session = await call.stripe.checkout.sessions.create({
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
    ? await call.stripe.checkout.sessions.retrieve(sessionId).catch((error: unknown) => {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
          return null;
        }
        throw error;
      })
    : null;
  const sessionCustomer =
    typeof session?.customer === 'string' ? session.customer : session?.customer?.id;
  if (!session || !customer || sessionCustomer !== customer) {
    throw new AppError('NOT_FOUND', 'No such checkout session.');
  }
  const result = await syncStripeCustomer(call.db, call.stripe, customer, call.audit);
  if (!result) throw new Error('the billing account vanished during the sync');
  return result;
}
