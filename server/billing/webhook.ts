import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts, stripeEvents, subscriptions } from '@/db/schema/billing';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import type { Logger } from '@/server/platform/observability/logger';

import { accountHolderOf } from './organization-facts';
import { rememberPlan } from './entitlements';
import type { Billing } from './stripe-client';
import { isStripeNotFound } from './stripe-errors';
import { syncSeats } from './seats';
import { applySnapshotInTx, readStripeSnapshot, type SyncResult } from './sync';

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
  } catch {
    // Whatever it throws is about what the sender gave us: besides its own
    // verification error, the SDK throws a plain Error on some malformed headers
    // (an empty `v1=`), which is as unsigned as any other.
    throw new AppError('BAD_REQUEST', 'The Stripe signature does not match this body.', {
      fields: [{ path: 'stripe-signature', message: 'Signature verification failed.' }],
    });
  }
}

const SEAT_EVENTS = new Set(['customer.subscription.created', 'customer.subscription.updated']);

/** The customer an event is about; for customer.* events, the object itself. */
function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: string; customer?: string | { id: string } | null };
  if (event.type.startsWith('customer.') && !event.type.startsWith('customer.subscription.')) {
    return object.id ?? null;
  }
  const customer = object.customer;
  if (!customer) return null;
  return typeof customer === 'string' ? customer : customer.id;
}

const alreadyApplied = (db: Database, eventId: string) =>
  withServiceRole(db, async (tx) => {
    const [row] = await tx
      .select({ id: stripeEvents.id })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, eventId));
    return row !== undefined;
  });

/**
 * The customer's state from Stripe, read before any transaction opens. Null when
 * Stripe no longer has the customer: nothing to apply, and retrying would not help.
 */
async function snapshotFor(billing: Billing, customerId: string, log: Logger) {
  try {
    return await readStripeSnapshot(billing.stripe, customerId);
  } catch (error) {
    if (!isStripeNotFound(error)) throw error;
    log.warn({ customerId }, 'Stripe no longer has this customer; event acknowledged');
    return null;
  }
}

/** A deleted Stripe customer: the organization is back on free and may check out afresh. */
async function forgetCustomerInTx(tx: Tx, customerId: string, context: AuditContext) {
  const [account] = await tx
    .delete(billingAccounts)
    .where(eq(billingAccounts.stripeCustomerId, customerId))
    .returning();
  if (!account) return null;
  await tx.delete(subscriptions).where(eq(subscriptions.stripeCustomerId, customerId));
  const { organizationId } = account;
  await recordAuditEvent(
    tx,
    {
      actorId: await accountHolderOf(tx, organizationId),
      organizationId,
      action: 'billing.customer_deleted',
      resourceType: 'billing_account',
      resourceId: organizationId,
      details: { customerId, from: account.plan },
    },
    context,
  );
  return { organizationId, plan: 'free' as const, previousPlan: account.plan };
}

async function recordPaymentFailure(
  tx: Tx,
  event: Stripe.Event,
  organizationId: string,
  context: AuditContext,
) {
  const invoice = event.data.object as Stripe.Invoice;
  await recordAuditEvent(
    tx,
    {
      actorId: await accountHolderOf(tx, organizationId),
      organizationId,
      action: 'billing.payment_failed',
      resourceType: 'invoice',
      resourceId: invoice.id,
      details: { amountDue: invoice.amount_due, currency: invoice.currency },
      success: false,
    },
    context,
  );
}

/**
 * One Stripe event, applied at most once. Stripe is read first, outside any
 * transaction; then the event id, the applied state and the audit rows commit
 * together, so a failure anywhere leaves nothing behind and Stripe's retry starts
 * clean (the caller answers 5xx). A redelivered event finds its id and does nothing.
 */
export async function handleStripeWebhook(
  db: Database,
  billing: Billing,
  request: { rawBody: string; signature: string | null },
  context: AuditContext & { log: Logger },
): Promise<WebhookOutcome> {
  const event = verifiedEvent(billing, request.rawBody, request.signature);
  const log = context.log.child({ stripeEvent: event.id, type: event.type });
  if (await alreadyApplied(db, event.id)) {
    return { received: true, duplicate: true, ignored: false };
  }
  const customerId =
    RESYNC_EVENTS.has(event.type) || event.type === 'customer.deleted' ? customerOf(event) : null;
  const snapshot =
    customerId && event.type !== 'customer.deleted'
      ? await snapshotFor(billing, customerId, log)
      : null;

  const outcome = await withServiceRole(db, async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return { duplicate: true, synced: null };
    if (event.type === 'customer.deleted' && customerId) {
      return { duplicate: false, synced: await forgetCustomerInTx(tx, customerId, context) };
    }
    if (!snapshot) return { duplicate: false, synced: null };
    const synced: SyncResult | null = await applySnapshotInTx(tx, snapshot, context);
    if (!synced) log.warn({ customerId }, 'Stripe event for a customer we do not know; ignored');
    if (synced && event.type === 'invoice.payment_failed') {
      await recordPaymentFailure(tx, event, synced.organizationId, context);
    }
    return { duplicate: false, synced };
  });

  if (outcome.synced) await rememberPlan(outcome.synced.organizationId, outcome.synced.plan);
  // A new (or newly paid) subscription bills the seats counted at checkout; members
  // who joined while the buyer paid are added now. A no-op when the count is right; a
  // failure is logged and left to the reconciliation (the event itself is applied).
  if (outcome.synced && SEAT_EVENTS.has(event.type)) {
    await syncSeats(db, billing.stripe, outcome.synced.organizationId, context).catch(
      (error: unknown) => log.warn({ err: error }, 'seat sync after a new subscription failed'),
    );
  }
  const ignored = !outcome.duplicate && !outcome.synced;
  log.info({ duplicate: outcome.duplicate, ignored }, 'Stripe event handled');
  return { received: true, duplicate: outcome.duplicate, ignored };
}
