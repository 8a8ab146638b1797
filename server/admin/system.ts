import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { checkServiceHealth } from '@/server/core/health';
import { readMetricsSnapshot } from '@/server/core/metrics-snapshot';
import { ENTITLING_STATUSES } from '@/server/billing/sync';
import { env } from '@/server/platform/env';
import { minuteHistory } from '@/server/platform/metric-history';

/** The counts a business looks at: users, paying subscriptions by plan, keys, billing events. */
async function businessCounts(db: Database) {
  const [counts] = await withServiceRole(db, (tx) =>
    queryRows<Record<string, string | number>>(
      tx,
      sql`select
            (select count(*) from profiles) as users,
            (select count(*) from api_keys where revoked_at is null
               and (expires_at is null or expires_at > now())) as active_api_keys,
            (select count(*) from stripe_events) as billing_events,
            (select count(*) from stripe_events where received_at > now() - interval '1 day')
              as billing_events_today`,
    ),
  );
  const byPlan = await withServiceRole(db, (tx) =>
    queryRows<{ plan: string; subscriptions: string | number }>(
      tx,
      sql`select plan, count(*) as subscriptions from subscriptions
          where plan is not null and status in (${sql.join(
            ENTITLING_STATUSES.map((status) => sql`${status}`),
            sql`, `,
          )})
          group by plan order by plan`,
    ),
  );
  return {
    users: Number(counts?.users ?? 0),
    activeApiKeys: Number(counts?.active_api_keys ?? 0),
    billingEvents: Number(counts?.billing_events ?? 0),
    billingEventsToday: Number(counts?.billing_events_today ?? 0),
    activeSubscriptionsByPlan: byPlan.map((row) => ({
      plan: row.plan,
      subscriptions: Number(row.subscriptions),
    })),
  };
}

/**
 * The system page: live health with firing alerts, this process's last hour minute
 * by minute, latency per route, and the business counts.
 */
export async function systemOverviewAsAdmin(db: Database) {
  const [health, metrics, business] = await Promise.all([
    checkServiceHealth(db),
    readMetricsSnapshot(db, env.DATABASE_URL ? 'postgres' : 'embedded'),
    businessCounts(db),
  ]);
  return { health, metrics, history: minuteHistory(), business };
}
