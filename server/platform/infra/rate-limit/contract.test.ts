import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { startUpstashStandIn } from '@/test/fakes/upstash-stand-in';

import { env } from '@/env';
import { createUpstashClient } from '@/server/platform/infra/redis';

import {
  fixedWindow,
  memoryStore,
  redisStore,
  upstashStore,
  type RateLimitStore,
} from './backends';

// One contract, every backend: the same fixed window and the same answers in
// memory, on Redis and on Upstash (the real SDK against the local stand-in of its
// REST API). Redis and Upstash need a real Redis, so they run where REDIS_URL is set.
const prefix = `test:${randomUUID()}`;
const token = `token-${randomUUID()}`;
let redis: Redis | undefined;
let standIn: Awaited<ReturnType<typeof startUpstashStandIn>> | undefined;

beforeAll(async () => {
  if (!env.REDIS_URL) return;
  redis = new Redis(env.REDIS_URL);
  standIn = await startUpstashStandIn(redis, token);
});
afterAll(async () => {
  await standIn?.close();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

const backends = [
  { name: 'memory', enabled: true, store: () => memoryStore(`${prefix}:memory`) },
  {
    name: 'Redis',
    enabled: Boolean(env.REDIS_URL),
    store: () => redisStore(redis!, `${prefix}:redis`),
  },
  {
    name: 'Upstash (stand-in)',
    enabled: Boolean(env.REDIS_URL),
    store: () => upstashStore(createUpstashClient(standIn!.url, token), `${prefix}:upstash`),
  },
] satisfies { name: string; enabled: boolean; store: () => RateLimitStore }[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Windows are aligned to the epoch: each test that counts within one first waits out
// a window about to end. Spans are generous, for a slow, busy CI machine; a 1 s
// window cannot be, and its sequences are a few sequential calls.

describe.each(backends)('rate limit store contract: $name', ({ enabled, store: create }) => {
  let store: RateLimitStore;
  beforeAll(() => {
    if (enabled) store = create();
  });

  it.runIf(enabled)('lets exactly N of 200 concurrent requests through a limit of N', async () => {
    await roomInWindow(60, 15_000);
    const bucket = randomUUID();
    const { resetAt } = fixedWindow(60);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => store.consume(bucket, 37, 60)),
    );
    const allowed = results.filter((result) => result.allowed);
    expect(allowed).toHaveLength(37);
    // Each allowed request took one of the 37 places: 36 left, 35, ... 0.
    expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 37 }, (_, i) => i),
    );
    for (const refused of results.filter((result) => !result.allowed)) {
      expect(refused.remaining).toBe(0);
    }
    // One window for all, ending where the epoch-aligned window ends (epoch ms).
    expect(new Set(results.map((r) => r.resetAt))).toEqual(new Set([resetAt]));
  });

  it.runIf(enabled)('counts down the requests remaining, refused ones included', async () => {
    await roomInWindow(60, 15_000);
    const bucket = randomUUID();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await store.consume(bucket, 3, 60));
    expect(answers.map(({ allowed, remaining }) => ({ allowed, remaining }))).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
      { allowed: false, remaining: 0 },
      { allowed: false, remaining: 0 },
    ]);
    // Refusals count too: a higher limit for the same bucket (a tier change) sees 5 used.
    expect(await store.peek(bucket, 10, 60)).toMatchObject({ allowed: true, remaining: 5 });
    expect(await store.consume(bucket, 10, 60)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it.runIf(enabled)('peeks at a count without adding to it', async () => {
    await roomInWindow(60, 15_000);
    const bucket = randomUUID();
    const { resetAt } = fixedWindow(60);
    expect(await store.peek(bucket, 2, 60)).toEqual({ allowed: true, remaining: 2, resetAt });
    expect(await store.peek(bucket, 2, 60)).toEqual({ allowed: true, remaining: 2, resetAt });
    expect(await store.consume(bucket, 2, 60)).toEqual({ allowed: true, remaining: 1, resetAt });
    expect(await store.peek(bucket, 2, 60)).toEqual({ allowed: true, remaining: 1, resetAt });
    expect(await store.peek(bucket, 2, 60)).toEqual({ allowed: true, remaining: 1, resetAt });
    expect(await store.consume(bucket, 2, 60)).toEqual({ allowed: true, remaining: 0, resetAt });
    // Full: one more would be refused, and peeking did not take the last place.
    expect(await store.peek(bucket, 2, 60)).toEqual({ allowed: false, remaining: 0, resetAt });
    expect(await store.consume(bucket, 2, 60)).toEqual({ allowed: false, remaining: 0, resetAt });
  });

  it.runIf(enabled)('starts afresh when the window has passed', async () => {
    await roomInWindow(1, 800);
    const bucket = randomUUID();
    const { resetAt } = fixedWindow(1);
    for (let i = 0; i < 3; i++) expect((await store.consume(bucket, 3, 1)).allowed).toBe(true);
    const refused = await store.consume(bucket, 3, 1);
    expect(refused).toEqual({ allowed: false, remaining: 0, resetAt });
    expect(resetAt - Date.now()).toBeLessThanOrEqual(1_000);

    await sleep(resetAt - Date.now() + 20);
    expect(await store.peek(bucket, 3, 1)).toEqual({
      allowed: true,
      remaining: 3,
      resetAt: resetAt + 1_000,
    });
    expect(await store.consume(bucket, 3, 1)).toEqual({
      allowed: true,
      remaining: 2,
      resetAt: resetAt + 1_000,
    });
  });

  it.runIf(enabled)('counts buckets separately', async () => {
    await roomInWindow(60, 15_000);
    const [a, b] = [randomUUID(), randomUUID()];
    expect((await store.consume(a, 1, 60)).allowed).toBe(true);
    expect((await store.consume(a, 1, 60)).allowed).toBe(false);
    expect(await store.peek(b, 1, 60)).toMatchObject({ allowed: true, remaining: 1 });
    expect((await store.consume(b, 1, 60)).allowed).toBe(true);
    expect((await store.consume(b, 1, 60)).allowed).toBe(false);
    // Nor do windows of different lengths share a count.
    expect((await store.consume(a, 1, 120)).allowed).toBe(true);
  });
});

describe.runIf(env.REDIS_URL)('shared stores', () => {
  it.each(backends.filter((backend) => backend.name !== 'memory'))(
    '$name: two instances count one limit',
    async ({ store: create }) => {
      await roomInWindow(60, 15_000);
      const [a, b] = [create(), create()];
      const bucket = randomUUID();
      await Promise.all(Array.from({ length: 5 }, () => a.consume(bucket, 8, 60)));
      expect(await b.peek(bucket, 8, 60)).toMatchObject({ remaining: 3 });
      const results = await Promise.all(Array.from({ length: 5 }, () => b.consume(bucket, 8, 60)));
      expect(results.filter((result) => result.allowed)).toHaveLength(3);
    },
  );
});
