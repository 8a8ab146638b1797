import client from 'prom-client';

import { statementsSent } from '@/db/statement-count';

/**
 * Process-wide metrics on one prom-client registry (kept on globalThis so dev
 * reloads do not register twice). Routes are labelled by procedure, never by raw
 * URL, to keep the label set bounded.
 */
type Metrics = {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status'>;
  duration: client.Summary<'route'>;
  rateLimitDecisions: client.Counter<'rule' | 'outcome'>;
  cacheResults: client.Counter<'cache' | 'result'>;
  apiKeyFailures: client.Counter<'reason'>;
};

const holder = globalThis as typeof globalThis & { __leanSaasMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new client.Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new client.Summary({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route (sliding 10-minute window)',
      labelNames: ['route'],
      percentiles: [0.5, 0.95, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers: [registry],
    }),
    rateLimitDecisions: new client.Counter({
      name: 'rate_limit_decisions_total',
      help: 'Rate limit decisions by rule and outcome (failed_* = the store was unavailable)',
      labelNames: ['rule', 'outcome'],
      registers: [registry],
    }),
    cacheResults: new client.Counter({
      name: 'cache_results_total',
      help: 'Cache lookups by cache and result (hit_l1, hit_l2, miss) and L2 errors',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    apiKeyFailures: new client.Counter({
      name: 'api_key_verification_failures_total',
      help: 'Refused API keys by reason (malformed, unknown, revoked, expired)',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  holder.__leanSaasMetrics ??= createMetrics();
  return holder.__leanSaasMetrics;
}

export function recordRequest(method: string, route: string, status: number, seconds: number) {
  const { requests, duration } = metrics();
  requests.inc({ method, route, status: String(status) });
  duration.observe({ route }, seconds);
}

/**
 * Database gauges, measured when scraped: the round-trip of `select 1` and the pool
 * size (1 for the embedded database, which has a single connection).
 */
export function registerDatabaseMetrics(
  measureLatencyMs: () => Promise<number | null>,
  poolMax: number,
) {
  const { registry } = metrics();
  if (registry.getSingleMetric('db_latency_seconds')) return;
  new client.Gauge({
    name: 'db_latency_seconds',
    help: 'Round-trip time of a trivial query, measured at scrape time (-1 when it failed)',
    registers: [registry],
    async collect() {
      const latencyMs = await measureLatencyMs();
      this.set(latencyMs === null ? -1 : latencyMs / 1000);
    },
  });
  let reported = 0;
  new client.Counter({
    name: 'db_statements_total',
    help: 'Statements sent to the application database (transactions open and close unseen)',
    registers: [registry],
    collect() {
      const sent = statementsSent();
      this.inc(sent - reported);
      reported = sent;
    },
  });
  new client.Gauge({
    name: 'db_pool_max_connections',
    help: 'Maximum connections of the application database pool',
    registers: [registry],
  }).set(poolMax);
}

export type RateLimitOutcome = 'allowed' | 'refused' | 'failed_open' | 'failed_closed';

export function countRateLimitDecision(rule: string, outcome: RateLimitOutcome) {
  metrics().rateLimitDecisions.inc({ rule, outcome });
}

export type CacheResult = 'hit_l1' | 'hit_l2' | 'miss' | 'error';

export function countApiKeyFailure(reason: string) {
  metrics().apiKeyFailures.inc({ reason });
}

export function countCacheResult(cache: string, result: CacheResult) {
  metrics().cacheResults.inc({ cache, result });
}
