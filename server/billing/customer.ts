import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';

import { callStripe } from './stripe-errors';

/** The user's Stripe customer id, or null before their first checkout. */
export async function stripeCustomerIdOf(db: Database, userId: string): Promise<string | null> {
  const [account] = await withServiceRole(db, (tx) =>
    tx
      .select({ id: billingAccounts.stripeCustomerId })
      .from(billingAccounts)
      .where(eq(billingAccounts.userId, userId)),
  );
  return account?.id ?? null;
}

/**
 * The user's Stripe customer, created on first need with the user id in its
 * metadata. The idempotency key makes concurrent first checkouts share one customer;
 * the row is written before anyone can pay, so every webhook finds its user.
 */
export async function ensureStripeCustomer(
  db: Database,
  stripe: Stripe,
  user: { userId: string; email: string | null },
  audit: AuditContext,
): Promise<string> {
  const existing = await stripeCustomerIdOf(db, user.userId);
  if (existing) return existing;
  const customer = await callStripe(() =>
    stripe.customers.create(
      { email: user.email ?? undefined, metadata: { userId: user.userId } },
      { idempotencyKey: `lean-saas-customer-${user.userId}` },
    ),
  );
  await withServiceRole(db, async (tx) => {
    const [created] = await tx
      .insert(billingAccounts)
      .values({ userId: user.userId, stripeCustomerId: customer.id })
      .onConflictDoNothing({ target: billingAccounts.userId })
      .returning({ userId: billingAccounts.userId });
    if (!created) return;
    await recordAuditEvent(
      tx,
      {
        actorId: user.userId,
        action: 'billing.customer_created',
        resourceType: 'billing_account',
        resourceId: user.userId,
        details: { customerId: customer.id },
      },
      audit,
    );
  });
  const stored = await stripeCustomerIdOf(db, user.userId);
  if (!stored) throw new Error('billing account vanished after insert');
  return stored;
}
