import { measureDatabaseLatencyMs } from '@/server/platform/observability/database-latency';
import type { Database } from '@/db/types';
import { metrics } from '@/server/platform/observability/metrics';

import type { MetricsOutput } from './schemas';

type Sample = { labels: Record<string, string | number>; value: number; metricName?: string };

const toMs = (seconds: number | undefined) =>
  seconds === undefined || Number.isNaN(seconds) ? null : Math.round(seconds * 1e5) / 100;

/** The JSON view of the same registry that /api/metrics serves as Prometheus text. */
export async function readMetricsSnapshot(
  db: Database,
  databaseKind: 'embedded' | 'postgres',
): Promise<MetricsOutput> {
  const { requests, duration } = metrics();
  const [requestValues, durationValues] = await Promise.all([requests.get(), duration.get()]);

  const byRoute = new Map<string, { total: number; errors: number }>();
  for (const { labels, value } of requestValues.values as Sample[]) {
    const entry = byRoute.get(String(labels.route)) ?? { total: 0, errors: 0 };
    entry.total += value;
    if (Number(labels.status) >= 500) entry.errors += value;
    byRoute.set(String(labels.route), entry);
  }
  const quantile = (route: string, q: number) =>
    (durationValues.values as Sample[]).find(
      (sample) => sample.labels.route === route && sample.labels.quantile === q,
    )?.value;

  const memory = process.memoryUsage();
  return {
    routes: [...byRoute.entries()]
      .map(([route, { total, errors }]) => ({
        route,
        requests: total,
        errorRate: total === 0 ? 0 : errors / total,
        p50Ms: toMs(quantile(route, 0.5)),
        p95Ms: toMs(quantile(route, 0.95)),
        p99Ms: toMs(quantile(route, 0.99)),
      }))
      .sort((a, b) => b.requests - a.requests),
    process: {
      uptimeSeconds: Math.round(process.uptime()),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    },
    database: { kind: databaseKind, latencyMs: await measureDatabaseLatencyMs(db) },
  };
}
