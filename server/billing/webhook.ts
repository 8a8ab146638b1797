import Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { stripeEvents } from '@/db/schema';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/errors';
import type { Logger } from '@/server/platform/logger';

import { forgetPlan } from './entitlements';
import type { Billing } from './stripe-client';
import { syncCustomerInTx, type SyncResult } from './sync';

/** Events after which a customer's subscriptions may differ from ours. */
const RESYNC_EVENTS = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'invoice.paid',
  'invoice.payment_failed',
]);

export type WebhookOutcome = {
  received: true;
  /** Already applied once: acknowledged, nothing done. */
  duplicate: boolean;
  /** A type we do not act on: acknowledged so Stripe stops sending it. */
  ignored: boolean;
};

/** Stripe's signature over the raw body, or a 400 that names the header. */
function verifiedEvent(billing: Billing, rawBody: string, signature: string | null): Stripe.Event {
  if (!billing.webhookSecret) {
    throw new AppError(
      'UNAVAILABLE',
      'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).',
    );
  }
  if (!signature) {
    throw new AppError('BAD_REQUEST', 'Missing Stripe-Signature header.', {
      fields: [{ path: 'stripe-signature', message: 'Required.' }],
    });
  }
  try {
    return billing.stripe.webhooks.constructEvent(rawBody, signature, billing.webhookSecret);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    throw new AppError('BAD_REQUEST', 'The Stripe signature does not match this body.', {
      fields: [{ path: 'stripe-signature', message: 'Signature verification failed.' }],
    });
  }
}

function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { customer?: string | { id: string } | null };
  const customer = object.customer;
  if (!customer) return null;
  return typeof customer === 'string' ? customer : customer.id;
}

/**
 * One Stripe event, applied at most once: the event id, the re-synced state and the
 * audit rows commit together, so a failure anywhere leaves nothing behind and
 * Stripe's retry starts clean (the caller answers 5xx). A redelivered event finds
 * its id and does nothing.
 */
export async function handleStripeWebhook(
  db: Database,
  billing: Billing,
  request: { rawBody: string; signature: string | null },
  context: AuditContext & { log: Logger },
): Promise<WebhookOutcome> {
  const event = verifiedEvent(billing, request.rawBody, request.signature);
  const customerId = RESYNC_EVENTS.has(event.type) ? customerOf(event) : null;
  const log = context.log.child({ stripeEvent: event.id, type: event.type });

  const outcome = await withServiceRole(db, async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return { duplicate: true, ignored: false, synced: null };
    if (!customerId) return { duplicate: false, ignored: true, synced: null };

    const synced: SyncResult | null = await syncCustomerInTx(
      tx,
      billing.stripe,
      customerId,
      context,
    );
    if (!synced) log.warn({ customerId }, 'Stripe event for a customer we do not know; ignored');
    if (synced && event.type === 'invoice.payment_failed') {
      const invoice = event.data.object as Stripe.Invoice;
      await recordAuditEvent(
        tx,
        {
          actorId: synced.userId,
          action: 'billing.payment_failed',
          resourceType: 'invoice',
          resourceId: invoice.id,
          details: { amountDue: invoice.amount_due, currency: invoice.currency },
          success: false,
        },
        context,
      );
    }
    return { duplicate: false, ignored: !synced, synced };
  });

  if (outcome.synced) await forgetPlan(outcome.synced.userId);
  log.info({ duplicate: outcome.duplicate, ignored: outcome.ignored }, 'Stripe event handled');
  return { received: true, duplicate: outcome.duplicate, ignored: outcome.ignored };
}
