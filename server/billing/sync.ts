import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts, subscriptions, type Subscription } from '@/db/schema/billing';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';

import { accountHolderOf } from './organization-facts';
import { bestPlan, rememberPlan } from './entitlements';
import { planOfPrice, type Plan } from './plans';

/** Statuses that grant the plan: past_due keeps it while Stripe retries the payment. */
export const ENTITLING_STATUSES = ['active', 'trialing', 'past_due'];
const ENTITLING = new Set(ENTITLING_STATUSES);

export type SyncResult = { organizationId: string; plan: Plan; previousPlan: Plan };

type Row = typeof subscriptions.$inferInsert;

const fromUnix = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

/** Our row for a Stripe subscription; the period comes from its (first) item. */
function toRow(subscription: Stripe.Subscription, organizationId: string): Row {
  const item = subscription.items.data[0];
  const priceId = item?.price.id ?? 'unknown';
  const sold = planOfPrice(priceId);
  return {
    id: subscription.id,
    organizationId,
    stripeCustomerId:
      typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
    status: subscription.status,
    priceId,
    plan: sold?.plan ?? null,
    interval: sold?.interval ?? null,
    quantity: item?.quantity ?? 1,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    cancelAt: fromUnix(subscription.cancel_at),
    canceledAt: fromUnix(subscription.canceled_at),
    endedAt: fromUnix(subscription.ended_at),
    currentPeriodStart: fromUnix(item?.current_period_start),
    currentPeriodEnd: fromUnix(item?.current_period_end),
    createdAt: fromUnix(subscription.created)!,
    updatedAt: new Date(),
  };
}

const TRACKED = ['status', 'priceId', 'quantity', 'cancelAtPeriodEnd', 'currentPeriodEnd'] as const;

/** What changed between our row and Stripe's, as `{ field: [before, after] }`. */
function changesOf(before: Subscription, after: Row) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of TRACKED) {
    const [was, now] = [before[field], after[field]];
    const same = was instanceof Date && now instanceof Date ? +was === +now : was === now;
    if (!same) changes[field] = [was, now];
  }
  return changes;
}

/** The best plan the customer's live subscriptions grant. */
function grantedPlan(rows: Row[]): Plan {
  return bestPlan(
    rows.filter((row) => ENTITLING.has(row.status) && row.plan).map((row) => row.plan as Plan),
  );
}

/** Whose billing changed, for the audit events of one sync. */
type Holder = { organizationId: string; actorId: string | null };

async function auditSubscriptionChange(
  tx: Tx,
  holder: Holder,
  before: Subscription | undefined,
  after: Row,
  context: AuditContext,
) {
  const base = { ...holder, resourceType: 'subscription', resourceId: after.id };
  if (!before) {
    const details = { status: after.status, priceId: after.priceId, plan: after.plan };
    await recordAuditEvent(
      tx,
      { ...base, action: 'billing.subscription_created', details },
      context,
    );
    return;
  }
  const changes = changesOf(before, after);
  if (Object.keys(changes).length === 0) return;
  const action =
    after.status === 'canceled' && before.status !== 'canceled'
      ? 'billing.subscription_canceled'
      : 'billing.subscription_updated';
  await recordAuditEvent(tx, { ...base, action, details: { changes } }, context);
}

/** One customer's subscriptions as Stripe had them when the read began. */
export type StripeSnapshot = {
  customerId: string;
  readAt: Date;
  subscriptions: Stripe.Subscription[];
};

/**
 * Reads the customer's subscriptions from Stripe, outside any transaction (a slow
 * Stripe must never hold a database connection or lock). `readAt` is taken before
 * the read: every change Stripe had made by then is in the snapshot.
 */
export async function readStripeSnapshot(
  stripe: Stripe,
  customerId: string,
): Promise<StripeSnapshot> {
  const readAt = new Date();
  const subscriptions = await stripe.subscriptions
    .list({ customer: customerId, status: 'all', limit: 100 })
    .autoPagingToArray({ limit: 1_000 });
  return { customerId, readAt, subscriptions };
}

/**
 * Makes our copy of one customer's billing state equal a snapshot of Stripe's, in
 * the caller's (service) transaction: upserts every subscription, derives the plan,
 * audits what changed. Events only say "look again": applying what Stripe holds,
 * not the event's payload, makes duplicates and any order of delivery converge. A
 * lock per customer serialises the writers, and a snapshot older than the one
 * already applied is dropped, so a slow read can never undo a newer one.
 * Null when the customer is not one of ours.
 */
export async function applySnapshotInTx(
  tx: Tx,
  snapshot: StripeSnapshot,
  context: AuditContext,
): Promise<SyncResult | null> {
  const { customerId } = snapshot;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`billing:${customerId}`}, 0))`,
  );
  const [account] = await tx
    .select()
    .from(billingAccounts)
    .where(eq(billingAccounts.stripeCustomerId, customerId))
    .for('update');
  if (!account) return null;
  const { organizationId } = account;
  const unchanged = { organizationId, plan: account.plan, previousPlan: account.plan };
  if (account.syncedAt && account.syncedAt >= snapshot.readAt) return unchanged;

  const holder = { organizationId, actorId: await accountHolderOf(tx, organizationId) };
  const rows = snapshot.subscriptions.map((subscription) => toRow(subscription, organizationId));
  const stored = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.stripeCustomerId, customerId));
  const storedById = new Map(stored.map((row) => [row.id, row]));

  for (const row of rows) {
    await auditSubscriptionChange(tx, holder, storedById.get(row.id), row, context);
    await tx
      .insert(subscriptions)
      .values(row)
      .onConflictDoUpdate({ target: subscriptions.id, set: { ...row, createdAt: undefined } });
  }

  const plan = grantedPlan(rows);
  if (plan !== account.plan) {
    await recordAuditEvent(
      tx,
      {
        ...holder,
        action: 'billing.plan_changed',
        resourceType: 'billing_account',
        resourceId: organizationId,
        details: { from: account.plan, to: plan },
      },
      context,
    );
  }
  await tx
    .update(billingAccounts)
    .set({ plan, syncedAt: snapshot.readAt })
    .where(eq(billingAccounts.organizationId, organizationId));
  return { organizationId, plan, previousPlan: account.plan };
}

/** Reads the customer from Stripe, applies it in a short transaction, caches the plan. */
export async function syncStripeCustomer(
  db: Database,
  stripe: Stripe,
  customerId: string,
  context: AuditContext,
): Promise<SyncResult | null> {
  const snapshot = await readStripeSnapshot(stripe, customerId);
  const result = await withServiceRole(db, (tx) => applySnapshotInTx(tx, snapshot, context));
  if (result) await rememberPlan(result.organizationId, result.plan);
  return result;
}
