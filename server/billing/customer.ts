import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';

import { callStripe } from './stripe-errors';

/** The organization's Stripe customer id, or null before its first checkout. */
export async function stripeCustomerIdOf(
  db: Database,
  organizationId: string,
): Promise<string | null> {
  const [account] = await withServiceRole(db, (tx) =>
    tx
      .select({ id: billingAccounts.stripeCustomerId })
      .from(billingAccounts)
      .where(eq(billingAccounts.organizationId, organizationId)),
  );
  return account?.id ?? null;
}

/**
 * The organization's Stripe customer, created on first need with the organization's
 * id in its metadata. The idempotency key makes concurrent first checkouts share one
 * customer; the row is written before anyone can pay, so every webhook finds its
 * organization.
 */
export async function ensureStripeCustomer(
  db: Database,
  stripe: Stripe,
  buyer: { organizationId: string; userId: string; email: string | null },
  audit: AuditContext,
): Promise<string> {
  const { organizationId } = buyer;
  const existing = await stripeCustomerIdOf(db, organizationId);
  if (existing) return existing;
  const customer = await callStripe(() =>
    stripe.customers.create(
      {
        email: buyer.email ?? undefined,
        metadata: { organizationId, createdBy: buyer.userId },
      },
      { idempotencyKey: `lean-saas-customer-${organizationId}` },
    ),
  );
  await withServiceRole(db, async (tx) => {
    const [created] = await tx
      .insert(billingAccounts)
      .values({ organizationId, stripeCustomerId: customer.id })
      .onConflictDoNothing({ target: billingAccounts.organizationId })
      .returning({ organizationId: billingAccounts.organizationId });
    if (!created) return;
    await recordAuditEvent(
      tx,
      {
        actorId: buyer.userId,
        organizationId,
        action: 'billing.customer_created',
        resourceType: 'billing_account',
        resourceId: organizationId,
        details: { customerId: customer.id },
      },
      audit,
    );
  });
  const stored = await stripeCustomerIdOf(db, organizationId);
  if (!stored) throw new Error('billing account vanished after insert');
  return stored;
}
