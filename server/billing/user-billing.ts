import { desc, eq, sql, type SQLWrapper } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { subscriptions } from '@/db/schema/billing';
import type { Tx } from '@/db/types';

import type { Plan } from './plans';
import { ENTITLING_STATUSES } from './sync';

// Billing's part of queries another module runs over its own users (the admin's user
// search is one SQL statement, so that its filters and cursor page as one): scalar
// subqueries on this module's tables, keyed by the outer query's user id column.

/** The user's plan: their billing account's, or free without one. */
export const planOfUserSql = (userId: SQLWrapper) =>
  sql<Plan>`coalesce((select ba.plan from billing_accounts ba where ba.user_id = ${userId}), 'free')`;

/** The status of the user's latest subscription, or null. */
export const latestSubscriptionStatusSql = (userId: SQLWrapper) =>
  sql<string | null>`(select s.status from subscriptions s
    where s.user_id = ${userId} order by s.created_at desc limit 1)`;

/** Whether any subscription of the user is in `status`. */
export const hasSubscriptionInStatusSql = (userId: SQLWrapper, status: string) =>
  sql`exists (select 1 from subscriptions s where s.user_id = ${userId} and s.status = ${status})`;

/** A user's subscriptions, newest first (service path: any user's). */
export function subscriptionsOf(tx: Tx, userId: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.createdAt));
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
