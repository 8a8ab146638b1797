import Stripe from 'stripe';

import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

/**
 * Stripe's failures in our error vocabulary: Stripe down or refusing us is a 502
 * (our dependency failed; the details go to the log through the cause), Stripe
 * throttling a 503, and two requests racing on one idempotency key a 409.
 */
export function toBillingError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new AppError('CONFLICT', said('billing.concurrent'), {}, error);
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) {
    return new AppError('UNAVAILABLE', said('billing.busy'), {}, error);
  }
  return new AppError('BAD_GATEWAY', said('billing.badGateway'), {}, error);
}

/** Runs a Stripe call, turning its failures into AppErrors. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toBillingError(error);
  }
}

/** Stripe says the object does not exist (deleted, or another account's). */
export const isStripeNotFound = (error: unknown) =>
  error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
