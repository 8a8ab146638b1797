import { sql } from 'drizzle-orm';

import type { Database } from '@/db/types';
import { env } from '@/env';
import { sharedStorePing } from '@/server/platform/infra/redis';
import { withTimeout } from '@/server/platform/infra/timeout';

import { evaluateAlerts } from './alert-rules';
import { emailProbe, stripeProbe } from './provider-probes';
import type { DependencyCheck, HealthOutput } from './schemas';
import { getVersion } from './version';

type Probe = () => Promise<unknown>;

export type HealthDeps = {
  db: Database;
  redis: Probe | null;
  /** null when the service is not configured (its embedded default is in use). */
  stripe: Probe | null;
  email: Probe | null;
  timeoutMs: number;
};

async function timed(probe: Probe | null, timeoutMs: number): Promise<DependencyCheck> {
  if (!probe) return { status: 'not configured', latencyMs: null };
  const startedAt = performance.now();
  try {
    await withTimeout(probe(), timeoutMs);
    return { status: 'ok', latencyMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  } catch {
    return { status: 'down', latencyMs: null };
  }
}

/**
 * Every check runs in parallel under its own timeout, so health answers within
 * `timeoutMs` whatever hangs. Without the database nothing works (unhealthy); any
 * other configured dependency being down, or a firing alert rule, degrades the service.
 */
export async function checkHealth(deps: HealthDeps): Promise<HealthOutput> {
  const [database, redis, stripe, email] = await Promise.all([
    timed(() => deps.db.execute(sql`select 1`), deps.timeoutMs),
    timed(deps.redis, deps.timeoutMs),
    timed(deps.stripe, deps.timeoutMs),
    timed(deps.email, deps.timeoutMs),
  ]);
  const others = [redis, stripe, email];
  const alerts = evaluateAlerts({ database, redis });
  const status =
    database.status === 'down'
      ? 'unhealthy'
      : others.some((check) => check.status === 'down') || alerts.length > 0
        ? 'degraded'
        : 'healthy';
  return {
    status,
    checks: { database, redis, stripe, email },
    alerts,
    uptimeSeconds: Math.round(process.uptime()),
    version: getVersion().version,
  };
}

/** 503 tells load balancers and monitors to stop sending traffic; degraded still serves. */
export function healthHttpStatus(health: HealthOutput): number {
  return health.status === 'unhealthy' ? 503 : 200;
}

/** This deployment's health: its database and the services it is configured with. */
export const checkServiceHealth = (db: Database) =>
  checkHealth({
    db,
    redis: sharedStorePing(),
    stripe: stripeProbe,
    email: emailProbe,
    timeoutMs: env.HEALTH_CHECK_TIMEOUT_MS,
  });
