import { env } from '@/env';
import { logger } from '@/server/platform/observability/logger';
import { getRedis, getUpstash } from '@/server/platform/infra/redis';

import { createCache, type Cache } from './cache';
import { ioredisL2, upstashL2, type L2Store } from './l2-store';

const holder = globalThis as typeof globalThis & { __leanSaasCaches?: Map<string, Cache> };

function sharedL2(): L2Store | null {
  const upstash = getUpstash();
  if (upstash) return upstashL2(upstash);
  const redis = getRedis();
  return redis ? ioredisL2(redis) : null;
}

/** The named cache of a module (one per name per process), L2 chosen by the environment. */
export function appCache(name: string): Cache {
  holder.__leanSaasCaches ??= new Map();
  let cache = holder.__leanSaasCaches.get(name);
  if (!cache) {
    cache = createCache({ name, prefix: env.REDIS_KEY_PREFIX, l2: sharedL2(), log: logger });
    holder.__leanSaasCaches.set(name, cache);
  }
  return cache;
}
