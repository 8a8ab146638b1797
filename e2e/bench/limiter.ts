import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { logger } from '@/server/platform/observability/logger';
import {
  memoryStore,
  redisStore,
  type RateLimitStore,
} from '@/server/platform/infra/rate-limit/backends';
import { checkLimit } from '@/server/platform/infra/rate-limit/check';

const CALLS = 5_000;
const RULE = { requests: 1_000_000, windowSeconds: 3_600, onStoreFailure: 'open' as const };

async function measure(store: RateLimitStore) {
  const durations: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const startedAt = performance.now();
    await checkLimit(store, 'bench', RULE, `caller-${i % 50}`, { log: logger });
    durations.push(performance.now() - startedAt);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.floor(q * (durations.length - 1))]!.toFixed(3);
  return { p50: at(0.5), p99: at(0.99) };
}

/** The cost of one rate-limit check per store, measured in-process. */
export async function benchLimiter(redisUrl: string | undefined) {
  const rows = [{ store: 'memory', ...(await measure(memoryStore(`bench:${randomUUID()}`))) }];
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    const prefix = `bench:${randomUUID()}`;
    rows.push({ store: 'Redis', ...(await measure(redisStore(redis, prefix))) });
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  console.log(`\nRate-limit check, ${CALLS} sequential calls in-process:\n`);
  console.log('| store | p50 ms | p99 ms |');
  console.log('| --- | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.store} | ${row.p50} | ${row.p99} |`);
  if (!redisUrl) console.log('\n(set REDIS_URL to measure the Redis store too)');
}
