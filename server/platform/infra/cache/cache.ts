import { deserialize, serialize } from 'node:v8';

import { LRUCache } from 'lru-cache';

import type { Logger } from '@/server/platform/observability/logger';
import { countCacheResult } from '@/server/platform/observability/metrics';
import { withTimeout } from '@/server/platform/infra/timeout';

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

/** A cached value (v8-serialised) with the tags it was stored under. */
type Entry = { value: Buffer; tags: string[] };

// L2 holds `{ v, t }` as JSON: the value in base64 and its tags.
const encodeEntry = (entry: Entry) =>
  JSON.stringify({ v: entry.value.toString('base64'), t: entry.tags });

function decodeEntry(text: string): Entry | undefined {
  try {
    const { v, t } = JSON.parse(text) as { v: string; t: string[] };
    return { value: Buffer.from(v, 'base64'), tags: Array.isArray(t) ? t : [] };
  } catch {
    return undefined;
  }
}

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
  const l1KeysByTag = new Map<string, Set<string>>();
  const l1 = new LRUCache<string, Entry>({
    max: options.l1MaxEntries ?? 10_000,
    ttl: l1TtlMs,
    // Keep the tag index exactly as large as L1 itself.
    dispose: (entry, key) => {
      for (const tag of entry.tags) {
        const keys = l1KeysByTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) l1KeysByTag.delete(tag);
      }
    },
  });
  // Values and tag sets live in separate namespaces, so no key can collide with a tag.
  const l2Key = (key: string) => `${options.prefix}:cache:${name}:v:${key}`;
  const l2Tag = (tag: string) => `${options.prefix}:cache:${name}:t:${tag}`;

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

  function rememberInL1(key: string, entry: Entry, ttlMs: number) {
    // Never longer than the entry itself may live.
    l1.set(key, entry, { ttl: Math.min(l1TtlMs, ttlMs) });
    for (const tag of entry.tags) {
      const keys = l1KeysByTag.get(tag) ?? new Set<string>();
      l1KeysByTag.set(tag, keys.add(key));
    }
  }

  function read<T>(key: string, entry: Entry): T | undefined {
    try {
      return deserialize(entry.value) as T;
    } catch (error) {
      // Corrupt, or written by another Node version: a miss, never an error.
      countCacheResult(name, 'error');
      log.warn({ err: error, cache: name }, 'unreadable cache entry dropped');
      l1.delete(key);
      void onL2('delete', (store) => store.delete(l2Key(key)));
      return undefined;
    }
  }

  return {
    async get<T>(key: string): Promise<T | undefined> {
      const local = l1.get(key);
      if (local) {
        countCacheResult(name, 'hit_l1');
        return read<T>(key, local);
      }
      const shared = await onL2('get', (store) => store.get(l2Key(key)));
      const entry = shared ? decodeEntry(shared) : undefined;
      if (entry) {
        // Indexed by its tags like a local write, so invalidateTag here drops it too.
        rememberInL1(key, entry, l1TtlMs);
        countCacheResult(name, 'hit_l2');
        return read<T>(key, entry);
      }
      countCacheResult(name, 'miss');
      return undefined;
    },

    async set(key: string, value: unknown, { tags = [], ttlSeconds }: SetOptions): Promise<void> {
      const entry: Entry = { value: serialize(value), tags };
      rememberInL1(key, entry, ttlSeconds * 1000);
      await onL2('set', (store) =>
        store.put(l2Key(key), encodeEntry(entry), ttlSeconds, tags.map(l2Tag)),
      );
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
