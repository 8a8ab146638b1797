import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { startUpstashStandIn } from '@/test/fakes/upstash-stand-in';

import { createCache } from './cache/cache';
import { upstashL2 } from './cache/l2-store';
import { env } from '@/env';
import { logger } from '@/server/platform/observability/logger';
import { createUpstashClient } from './redis';
import { upstashStore } from './rate-limit/backends';

// The Upstash path, through the real SDK against a local stand-in of Upstash's REST
// API. The stand-in needs a real Redis behind it, so this file runs where REDIS_URL
// is set (the CI run on PostgreSQL + Redis); without it there is nothing to stand in.
describe.runIf(env.REDIS_URL)('Upstash (real SDK, local stand-in)', () => {
  const token = `token-${randomUUID()}`;
  const prefix = `test-${randomUUID()}`;
  let redis: Redis;
  let standIn: Awaited<ReturnType<typeof startUpstashStandIn>>;

  beforeAll(async () => {
    redis = new Redis(env.REDIS_URL!);
    standIn = await startUpstashStandIn(redis, token);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await standIn.close();
    redis.disconnect();
  });

  it('limits exactly N of 100 concurrent requests with @upstash/ratelimit', async () => {
    // Its fixed window is aligned to the epoch: keep the burst inside one.
    await roomInWindow(60, 15_000);
    const store = upstashStore(createUpstashClient(standIn.url, token), prefix);
    const bucket = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => store.consume(bucket, 23, 60)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(23);
  });

  it('shares cache entries and tag invalidations between instances', async () => {
    const client = () => upstashL2(createUpstashClient(standIn.url, token));
    const [a, b] = [client(), client()].map((l2) =>
      createCache({ name: 'upstash', prefix, l2, log: logger, l1TtlMs: 100 }),
    );
    await a!.set('plan', { tier: 'pro' }, { tags: ['user:1'], ttlSeconds: 60 });
    expect(await b!.get('plan')).toEqual({ tier: 'pro' });
    await a!.invalidateTag('user:1');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await b!.get('plan')).toBeUndefined();
  });

  it('refuses a wrong token, as Upstash does', async () => {
    const wrong = createUpstashClient(standIn.url, 'wrong');
    await expect(wrong.ping()).rejects.toThrow(/Unauthorized/);
  });
});
