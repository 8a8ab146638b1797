import { deserialize, serialize } from 'node:v8';

import { LRUCache } from 'lru-cache';

import type { Logger } from '../logger';
import { countCacheResult } from '../metrics';
import { withTimeout } from '../timeout';

import type { L2Store } from './l2-store';

export type CacheOptions = {
  /** Names the cache in keys and metrics, e.g. `api-keys`. */
  name: string;
  /** Namespace in the shared store (REDIS_KEY_PREFIX). */
  prefix: string;
  l2: L2Store | null;
  log: Logger;
  /** The staleness bound: after an invalidation elsewhere, this instance may serve
   * an old value for at most this long. */
  l1TtlMs?: number;
  l1MaxEntries?: number;
  l2TimeoutMs?: number;
};

export type SetOptions = { tags?: string[]; ttlSeconds: number };

/** 5 s: the longest a revoked key or a changed plan can still be served by a peer. */
export const DEFAULT_L1_TTL_MS = 5_000;

/**
 * A two-level cache: L1 in this process (lru-cache, bounded, short TTL) and L2 in
 * Redis or Upstash when configured, with tag invalidation ("every entry of user X").
 *
 * Values are stored serialised (v8's structured serialisation: Dates, Maps and the
 * like survive; functions are refused at `set`), so callers never share mutable
 * objects through the cache. Invalidation deletes from L2 at once and from this
 * process's L1; other processes drop their L1 copy within `l1TtlMs`. An L2 failure
 * or timeout is logged and counted, and the cache carries on with L1 alone.
 */
export function createCache(options: CacheOptions) {
  const { name, l2, log } = options;
  const l1TtlMs = options.l1TtlMs ?? DEFAULT_L1_TTL_MS;
  const l2TimeoutMs = options.l2TimeoutMs ?? 300;
  const l1 = new LRUCache<string, Buffer>({ max: options.l1MaxEntries ?? 10_000, ttl: l1TtlMs });
  const l1KeysByTag = new Map<string, Set<string>>();
  const l2Key = (key: string) => `${options.prefix}:cache:${name}:${key}`;
  const l2Tag = (tag: string) => `${options.prefix}:cache:${name}:tag:${tag}`;

  async function onL2<T>(
    operation: string,
    run: (store: L2Store) => Promise<T>,
  ): Promise<T | undefined> {
    if (!l2) return undefined;
    try {
      return await withTimeout(run(l2), l2TimeoutMs);
    } catch (error) {
      countCacheResult(name, 'error');
      log.warn({ err: error, cache: name, operation }, 'cache L2 unavailable; using L1 only');
      return undefined;
    }
  }

  function rememberInL1(key: string, value: Buffer, tags: string[]) {
    l1.set(key, value);
    for (const tag of tags) {
      const keys = l1KeysByTag.get(tag) ?? new Set<string>();
      l1KeysByTag.set(tag, keys.add(key));
    }
  }

  return {
    async get<T>(key: string): Promise<T | undefined> {
      const local = l1.get(key);
      if (local) {
        countCacheResult(name, 'hit_l1');
        return deserialize(local) as T;
      }
      const shared = await onL2('get', (store) => store.get(l2Key(key)));
      if (shared) {
        const value = Buffer.from(shared, 'base64');
        l1.set(key, value);
        countCacheResult(name, 'hit_l2');
        return deserialize(value) as T;
      }
      countCacheResult(name, 'miss');
      return undefined;
    },

    async set(key: string, value: unknown, { tags = [], ttlSeconds }: SetOptions): Promise<void> {
      const serialised = serialize(value);
      rememberInL1(key, serialised, tags);
      await onL2('set', async (store) => {
        await store.set(l2Key(key), serialised.toString('base64'), ttlSeconds);
        await Promise.all(tags.map((tag) => store.tag(l2Tag(tag), l2Key(key), ttlSeconds)));
      });
    },

    /** The cached value, or `load()`'s result, cached under `key`. */
    async getOrLoad<T>(key: string, load: () => Promise<T>, options: SetOptions): Promise<T> {
      const cached = await this.get<T>(key);
      if (cached !== undefined) return cached;
      const value = await load();
      await this.set(key, value, options);
      return value;
    },

    async delete(key: string): Promise<void> {
      l1.delete(key);
      await onL2('delete', (store) => store.delete(l2Key(key)));
    },

    async invalidateTag(tag: string): Promise<void> {
      for (const key of l1KeysByTag.get(tag) ?? []) l1.delete(key);
      l1KeysByTag.delete(tag);
      await onL2('invalidate', (store) => store.deleteTagged(l2Tag(tag)));
    },
  };
}

export type Cache = ReturnType<typeof createCache>;
