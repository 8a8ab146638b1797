import { recentErrorRate } from '@/server/platform/observability/metric-history';

import type { DependencyCheck } from './schemas';

export type AlertSeverity = 'warning' | 'critical';

type Signals = {
  errorRate: number | null;
  database: DependencyCheck;
  redis: DependencyCheck;
};

type AlertRule = {
  id: string;
  severity: AlertSeverity;
  /** What firing means, for the system page and the health response. */
  message: string;
  firing: (signals: Signals) => boolean;
};

/**
 * Every alert rule, in one place. They are evaluated into /api/v1/health (a firing
 * rule makes the service at least degraded) and shown on the admin system page.
 */
export const ALERT_RULES: AlertRule[] = [
  {
    id: 'error-rate',
    severity: 'critical',
    message: 'More than 5% of requests failed with a server error in the last 5 minutes',
    firing: ({ errorRate }) => errorRate !== null && errorRate > 0.05,
  },
  {
    id: 'database-latency',
    severity: 'warning',
    message: 'The database took more than 1 s to answer',
    firing: ({ database }) => database.latencyMs !== null && database.latencyMs > 1_000,
  },
  {
    id: 'redis-down',
    severity: 'warning',
    message: 'Redis is configured but not answering (rate limits fail open or closed per rule)',
    firing: ({ redis }) => redis.status === 'down',
  },
];

export type FiringAlert = Pick<AlertRule, 'id' | 'severity' | 'message'>;

export function evaluateAlerts(checks: { database: DependencyCheck; redis: DependencyCheck }) {
  const signals: Signals = { ...checks, errorRate: recentErrorRate() };
  return ALERT_RULES.filter((rule) => rule.firing(signals)).map(({ id, severity, message }) => ({
    id,
    severity,
    message,
  }));
}
