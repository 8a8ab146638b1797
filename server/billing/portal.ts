import { AppError } from '@/server/platform/http/errors';

import type { BillingCall } from './billing-call';
import { stripeCustomerIdOf } from './customer';
import { callStripe } from './stripe-errors';

/** A Stripe customer-portal session: change plan, cancel, update the card, invoices. */
export async function openBillingPortal(call: BillingCall): Promise<{ url: string }> {
  const customer = await stripeCustomerIdOf(call.db, call.userId);
  if (!customer) {
    throw new AppError('CONFLICT', 'You have no billing account yet. Choose a plan first.');
  }
  const session = await callStripe(() =>
    call.stripe.billingPortal.sessions.create({
      customer,
      return_url: call.returnUrl('/dashboard/billing'),
    }),
  );
  return { url: session.url };
}
