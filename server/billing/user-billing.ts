import { and, desc, eq, gt, isNull, notInArray, or, sql, type SQLWrapper } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { subscriptions } from '@/db/schema/billing';
import type { Tx } from '@/db/types';

import type { Plan } from './plans';
import { ENTITLING_STATUSES } from './sync';

// Billing's part of queries another module runs over its own users and
// organizations (the admin's searches are one SQL statement each, so that their
// filters and cursor page as one): scalar subqueries on this module's tables, keyed
// by the outer query's column. A user's billing is their personal workspace's.

const personalWorkspaceOf = (userId: SQLWrapper) =>
  sql`(select o.id from organizations o where o.personal_user_id = ${userId})`;

/** An organization's plan: its billing account's, or free without one. */
export const planOfOrganizationSql = (organizationId: SQLWrapper) =>
  sql<Plan>`coalesce((select ba.plan from billing_accounts ba where ba.organization_id = ${organizationId}), 'free')`;

/** The status of an organization's latest subscription, or null. */
export const latestSubscriptionStatusOfOrganizationSql = (organizationId: SQLWrapper) =>
  sql<string | null>`(select s.status from subscriptions s
    where s.organization_id = ${organizationId} order by s.created_at desc limit 1)`;

/** The seats of an organization's latest subscription, or null. */
export const latestSubscriptionSeatsOfOrganizationSql = (organizationId: SQLWrapper) =>
  sql<number | null>`(select s.quantity from subscriptions s
    where s.organization_id = ${organizationId} order by s.created_at desc limit 1)`;

/** The user's plan: their personal workspace's. */
export const planOfUserSql = (userId: SQLWrapper) =>
  planOfOrganizationSql(personalWorkspaceOf(userId));

/** The status of the latest subscription of the user's personal workspace, or null. */
export const latestSubscriptionStatusSql = (userId: SQLWrapper) =>
  latestSubscriptionStatusOfOrganizationSql(personalWorkspaceOf(userId));

/** Whether any subscription of the user's personal workspace is in `status`. */
export const hasSubscriptionInStatusSql = (userId: SQLWrapper, status: string) =>
  sql`exists (select 1 from subscriptions s
    where s.organization_id = ${personalWorkspaceOf(userId)} and s.status = ${status})`;

/** The subscriptions of a user's personal workspace, newest first (service path). */
export function subscriptionsOf(tx: Tx, userId: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.organizationId, personalWorkspaceOf(sql`${userId}::uuid`)))
    .orderBy(desc(subscriptions.createdAt));
}

/**
 * An organization's subscription that will bill again (not finished, and not ending
 * by the close of its period), or null: as our copy has it, in the caller's
 * transaction.
 */
export async function renewingSubscriptionOf(tx: Tx, organizationId: string) {
  const [renewing] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.organizationId, organizationId),
        notInArray(subscriptions.status, ['canceled', 'incomplete_expired']),
        eq(subscriptions.cancelAtPeriodEnd, false),
        or(
          isNull(subscriptions.cancelAt),
          isNull(subscriptions.currentPeriodEnd),
          gt(subscriptions.cancelAt, subscriptions.currentPeriodEnd),
        ),
      ),
    )
    .limit(1);
  return renewing ?? null;
}

/** Subscriptions that grant a plan, counted per plan, in plan order. */
export async function activeSubscriptionsByPlan(tx: Tx) {
  const rows = await queryRows<{ plan: string; subscriptions: string | number }>(
    tx,
    sql`select plan, count(*) as subscriptions from subscriptions
        where plan is not null and status in (${sql.join(
          ENTITLING_STATUSES.map((status) => sql`${status}`),
          sql`, `,
        )})
        group by plan order by plan`,
  );
  return rows.map((row) => ({ plan: row.plan, subscriptions: Number(row.subscriptions) }));
}

/** Stripe events received: all of them, and in the last day. */
export async function countBillingEvents(tx: Tx) {
  const [counts] = await queryRows<{ total: string | number; today: string | number }>(
    tx,
    sql`select count(*) as total,
          count(*) filter (where received_at > now() - interval '1 day') as today
        from stripe_events`,
  );
  return { total: Number(counts?.total ?? 0), today: Number(counts?.today ?? 0) };
}
