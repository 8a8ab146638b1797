import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import type { BillingCall } from './billing-call';
import { stripeCustomerIdOf } from './customer';
import { callStripe } from './stripe-errors';

/** A Stripe customer-portal session: change plan, cancel, update the card, invoices. */
export async function openBillingPortal(call: BillingCall): Promise<{ url: string }> {
  const customer = await stripeCustomerIdOf(call.db, call.organizationId);
  if (!customer) {
    throw new AppError('CONFLICT', said('billing.noBillingAccount'));
  }
  const session = await callStripe(() =>
    call.stripe.billingPortal.sessions.create({
      customer,
      return_url: call.returnUrl(call.billingPath),
    }),
  );
  return { url: session.url };
}
