import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

import { env } from '@/env';
import { logger } from '@/server/platform/observability/logger';
import { metrics } from '@/server/platform/observability/metrics';

import { createCache } from './cache';
import { ioredisL2 } from './l2-store';

// Two instances share the real Redis when REDIS_URL is set (CI), and nothing when
// it is not: every assertion below holds in both cases, and says what differs.
const prefix = `test-${randomUUID()}`;
const clients: Redis[] = [];
function sharedL2() {
  if (!env.REDIS_URL) return null;
  const client = new Redis(env.REDIS_URL);
  clients.push(client);
  return ioredisL2(client);
}
afterAll(async () => {
  const [first] = clients;
  if (first) {
    const keys = await first.keys(`${prefix}*`);
    if (keys.length) await first.del(...keys);
  }
  clients.forEach((client) => client.disconnect());
});

const instance = (l1TtlMs = 200) =>
  createCache({ name: 'test', prefix, l2: sharedL2(), log: logger, l1TtlMs });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`two-level cache (L2: ${env.REDIS_URL ? 'Redis' : 'none'})`, () => {
  it('round-trips values that JSON would mangle, and never shares the stored object', async () => {
    const cache = instance();
    const value = { at: new Date('2026-01-02T03:04:05Z'), ids: new Set(['a']), n: 1n };
    await cache.set('rich', value, { ttlSeconds: 60 });
    const read = await cache.get<typeof value>('rich');
    expect(read).toEqual(value);
    expect(read).not.toBe(value);
    await expect(cache.set('fn', { f: () => 1 }, { ttlSeconds: 60 })).rejects.toThrow();
  });

  it('expires L1 entries after their TTL', async () => {
    const cache = createCache({ name: 'ttl', prefix, l2: null, log: logger, l1TtlMs: 50 });
    await cache.set('k', 'v', { ttlSeconds: 60 });
    expect(await cache.get('k')).toBe('v');
    await sleep(80);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('never serves an entry past its own TTL, from either level', async () => {
    const writer = createCache({ name: 'test', prefix, l2: sharedL2(), log: logger });
    await writer.set('short', 'v', { ttlSeconds: 1 });
    expect(await writer.get('short')).toBe('v');
    await sleep(1_100);
    expect(await writer.get('short')).toBeUndefined();
    expect(await instance().get('short')).toBeUndefined();
  });

  it('drops, on invalidation, copies this instance read from the other level', async () => {
    const [a, b] = [instance(5_000), instance(5_000)];
    await a.set('read-through', 'old', { tags: ['user:rt'], ttlSeconds: 60 });
    await b.get('read-through');
    await b.invalidateTag('user:rt');
    expect(await b.get('read-through')).toBeUndefined();
  });

  it('keeps keys and tags apart whatever their names', async () => {
    const cache = instance();
    await cache.set('t:user:9', 'a key named like a tag', { ttlSeconds: 60 });
    await cache.set('profile', 'p', { tags: ['user:9'], ttlSeconds: 60 });
    await cache.invalidateTag('user:9');
    expect(await cache.get('profile')).toBeUndefined();
    expect(await cache.get('t:user:9')).toBe('a key named like a tag');
  });

  it('shares values between instances through L2', async () => {
    const [a, b] = [instance(), instance()];
    await a.set('shared', { plan: 'pro' }, { ttlSeconds: 60 });
    expect(await b.get('shared')).toEqual(env.REDIS_URL ? { plan: 'pro' } : undefined);
  });

  it('invalidates a tag everywhere within the staleness bound (the L1 TTL)', async () => {
    const bound = 200;
    const [a, b] = [instance(bound), instance(bound)];
    const user = randomUUID();
    await a.set(`key:1:${user}`, 'first key', { tags: [`user:${user}`], ttlSeconds: 60 });
    await a.set(`key:2:${user}`, 'second key', { tags: [`user:${user}`], ttlSeconds: 60 });
    await a.set('other', 'kept', { tags: ['user:someone-else'], ttlSeconds: 60 });
    await b.get(`key:1:${user}`); // b now holds its own L1 copy (with Redis)

    await a.invalidateTag(`user:${user}`);
    expect(await a.get(`key:1:${user}`)).toBeUndefined();
    expect(await a.get(`key:2:${user}`)).toBeUndefined();
    expect(await a.get('other')).toBe('kept');
    // b never read key 2: with Redis it is gone from L2 at once.
    expect(await b.get(`key:2:${user}`)).toBeUndefined();

    await sleep(bound + 50);
    expect(await b.get(`key:1:${user}`)).toBeUndefined();
  });

  it('keeps working on L1 when Redis is down, counting the errors', async () => {
    const down = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0 });
    down.on('error', () => {});
    const name = `down-${randomUUID()}`;
    const cache = createCache({ name, prefix, l2: ioredisL2(down), log: logger, l2TimeoutMs: 100 });
    await cache.set('k', 'v', { tags: ['t'], ttlSeconds: 60 });
    expect(await cache.get('k')).toBe('v');
    expect(await cache.get('missing')).toBeUndefined();
    await cache.invalidateTag('t');
    expect(await cache.get('k')).toBeUndefined();

    const counts = (await metrics().cacheResults.get()).values.filter(
      (sample) => sample.labels.cache === name,
    );
    const count = (result: string) =>
      counts.find((sample) => sample.labels.result === result)?.value ?? 0;
    expect(count('error')).toBeGreaterThanOrEqual(3);
    expect(count('hit_l1')).toBe(1);
    down.disconnect();
  });

  it('loads once and serves from the cache after', async () => {
    const cache = instance();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('loaded', load, { ttlSeconds: 60 })).toBe(1);
    expect(await cache.getOrLoad('loaded', load, { ttlSeconds: 60 })).toBe(1);
    expect(loads).toBe(1);
  });
});
