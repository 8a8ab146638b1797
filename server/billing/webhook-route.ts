import Stripe from 'stripe';

import type { Database } from '@/db/types';
import { recordServerErrorAsService } from '@/server/core/error-reports';
import { errorResponse, jsonResponse, successBody } from '@/server/platform/http/envelope';
import { AppError, publicError, toPublicError } from '@/server/platform/http/errors';
import { runApiRequest } from '@/server/platform/http/request-scope';

import type { Billing } from './stripe-client';
import { handleStripeWebhook } from './webhook';

export const STRIPE_WEBHOOK_ROUTE = 'POST /api/webhooks/stripe';
// An event embeds whole objects (an invoice with many lines); refusing one would make
// Stripe retry it for days. Larger than any API request, still bounded.
const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export type WebhookDeps = { getDb: () => Promise<Database>; billing: () => Billing | null };

/**
 * `POST /api/webhooks/stripe`: the body is read as raw text (the signature covers
 * its exact bytes) and never parsed before it is verified. 2xx means "applied or
 * nothing to do"; 4xx a request Stripe did not sign; 5xx "retry later" — a failed
 * sync left nothing behind.
 */
export const createStripeWebhookHandler = (deps: WebhookDeps) => (incoming: Request) =>
  runApiRequest(
    incoming,
    STRIPE_WEBHOOK_ROUTE,
    async (request, scope) => {
      const billing = deps.billing();
      if (!billing) {
        return errorResponse(
          publicError('UNAVAILABLE', 'Billing is not configured (STRIPE_SECRET_KEY).'),
          scope.requestId,
        );
      }
      const db = await deps.getDb();
      try {
        const outcome = await handleStripeWebhook(
          db,
          billing,
          { rawBody: await request.text(), signature: request.headers.get('stripe-signature') },
          scope,
        );
        return jsonResponse(successBody(outcome, scope.requestId), 200);
      } catch (error) {
        if (error instanceof AppError) {
          return errorResponse(toPublicError(error), scope.requestId);
        }
        scope.log.error({ err: error }, 'Stripe event not applied; Stripe will retry');
        void recordServerErrorAsService(db, error, {
          route: STRIPE_WEBHOOK_ROUTE,
          requestId: scope.requestId,
        }).catch(() => undefined);
        // Stripe unreachable while re-reading the state: its fault, and worth a retry.
        return error instanceof Stripe.errors.StripeError
          ? errorResponse(
              publicError('BAD_GATEWAY', 'Stripe did not answer while applying the event.'),
              scope.requestId,
            )
          : errorResponse(publicError('INTERNAL', 'The event was not applied.'), scope.requestId);
      }
    },
    WEBHOOK_MAX_BODY_BYTES,
  );
