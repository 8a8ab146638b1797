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

/**
 * `run`, shared: a call within `ms` of the last one that started gets that one's
 * result (in flight or done) instead of starting another.
 */
export function sharedForAWhile<T>(run: () => Promise<T>, ms: number): () => Promise<T> {
  let last: { startedAt: number; result: Promise<T> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.startedAt >= ms) last = { startedAt: now, result: run() };
    return last.result;
  };
}

/**
 * Monitors and load balancers poll health, some many times a second: within a
 * second of a check, callers share it rather than probe every dependency again. An
 * outage still shows within that second plus the probes' timeout.
 */
export const HEALTH_SHARED_FOR_MS = 1_000;

const serviceHealthOf = new WeakMap<Database, () => Promise<HealthOutput>>();

/** This deployment's health: its database and the services it is configured with. */
export function checkServiceHealth(db: Database): Promise<HealthOutput> {
  let check = serviceHealthOf.get(db);
  if (!check) {
    check = sharedForAWhile(
      () =>
        checkHealth({
          db,
          redis: sharedStorePing(),
          stripe: stripeProbe,
          email: emailProbe,
          timeoutMs: env.HEALTH_CHECK_TIMEOUT_MS,
        }),
      HEALTH_SHARED_FOR_MS,
    );
    serviceHealthOf.set(db, check);
  }
  return check();
}
