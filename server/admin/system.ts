import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { countAllActiveKeys } from '@/server/api-keys/service';
import { countAccounts } from '@/server/auth/account-search';
import { activeSubscriptionsByPlan, countBillingEvents } from '@/server/billing/user-billing';
import { checkServiceHealth } from '@/server/core/health';
import { readMetricsSnapshot } from '@/server/core/metrics-snapshot';
import { env } from '@/env';
import { minuteHistory } from '@/server/platform/observability/metric-history';

/** The counts a business looks at: users, paying subscriptions by plan, keys, billing events. */
function businessCounts(db: Database) {
  return withServiceRole(db, async (tx) => {
    const billingEvents = await countBillingEvents(tx);
    return {
      users: await countAccounts(tx),
      activeApiKeys: await countAllActiveKeys(tx),
      billingEvents: billingEvents.total,
      billingEventsToday: billingEvents.today,
      activeSubscriptionsByPlan: await activeSubscriptionsByPlan(tx),
    };
  });
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
