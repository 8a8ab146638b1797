import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { roomInWindow } from '@/test/helpers/rate-limit-window';

import { env } from '@/env';
import { logger } from '@/server/platform/observability/logger';

import { memoryStore, redisStore, type RateLimitStore } from './backends';
import { checkLimit } from './check';

// The real Redis when REDIS_URL is set (CI), the in-memory store otherwise; a
// fresh key prefix per run so runs never share counters.
const prefix = `test:${randomUUID()}`;
let redis: Redis | undefined;
let store: RateLimitStore;
let silent: Server;
let silentPort: number;

beforeAll(async () => {
  if (env.REDIS_URL) {
    redis = new Redis(env.REDIS_URL);
    store = redisStore(redis, prefix);
  } else {
    store = memoryStore(prefix);
  }
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  silent.close();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

const rule = (requests: number, windowSeconds = 60) => ({
  requests,
  windowSeconds,
  onStoreFailure: 'open' as const,
});

describe(`rate limit store (${env.REDIS_URL ? 'Redis' : 'memory'})`, () => {
  it('lets exactly N of 200 concurrent requests through a limit of N', async () => {
    await roomInWindow(60, 15_000);
    const bucket = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => store.consume(bucket, 37, 60)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(37);
    const remaining = results.filter((r) => r.allowed).map((r) => r.remaining);
    expect(Math.min(...remaining)).toBe(0);
    for (const refused of results.filter((result) => !result.allowed)) {
      expect(refused.resetAt).toBeGreaterThan(Date.now());
    }
  });

  it('counts buckets separately', async () => {
    await roomInWindow(60, 15_000);
    const [a, b] = [randomUUID(), randomUUID()];
    await store.consume(a, 1, 60);
    expect((await store.consume(a, 1, 60)).allowed).toBe(false);
    expect((await store.consume(b, 1, 60)).allowed).toBe(true);
  });

  it('peeks at a count without adding to it', async () => {
    await roomInWindow(60, 15_000);
    const bucket = randomUUID();
    expect(await store.peek(bucket, 2, 60)).toMatchObject({ allowed: true, remaining: 2 });
    await store.consume(bucket, 2, 60);
    expect(await store.peek(bucket, 2, 60)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await store.peek(bucket, 2, 60)).toMatchObject({ allowed: true, remaining: 1 });
    await store.consume(bucket, 2, 60);
    const full = await store.peek(bucket, 2, 60);
    expect(full).toMatchObject({ allowed: false, remaining: 0 });
    expect(full.resetAt).toBeGreaterThan(Date.now());
  });

  it('lets requests through again once the window has passed', async () => {
    await roomInWindow(1, 800);
    const bucket = randomUUID();
    for (let i = 0; i < 3; i++) expect((await store.consume(bucket, 3, 1)).allowed).toBe(true);
    expect((await store.consume(bucket, 3, 1)).allowed).toBe(false);
    // A fixed window: one window later the count starts afresh.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await store.consume(bucket, 3, 1)).allowed).toBe(true);
  });
});

describe('when the store is unavailable', () => {
  const unreachable = () => {
    const client = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    return client;
  };
  const hung = () => {
    const client = new Redis({ port: silentPort, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    return client;
  };

  for (const [name, connect] of [
    ['unreachable', unreachable],
    ['not answering', hung],
  ] as const) {
    it(`fails open for ordinary limits (${name})`, async () => {
      const client = connect();
      const startedAt = Date.now();
      const decision = await checkLimit(redisStore(client, prefix), 'tier:free', rule(5), 'k', {
        log: logger,
      });
      expect(decision).toMatchObject({ allowed: true, limit: 5, remaining: 5 });
      expect(Date.now() - startedAt).toBeLessThan(1_500);
      client.disconnect();
    });

    it(`fails closed with 503 for credential and payment limits (${name})`, async () => {
      const client = connect();
      await expect(
        checkLimit(
          redisStore(client, prefix),
          'signIn',
          { ...rule(5), onStoreFailure: 'closed' },
          'k',
          { log: logger },
        ),
      ).rejects.toMatchObject({ appCode: 'UNAVAILABLE', code: 'SERVICE_UNAVAILABLE' });
      client.disconnect();
    });
  }
});
