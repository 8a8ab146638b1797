import { Redis as UpstashRedis } from '@upstash/redis';
import Redis from 'ioredis';

import { env } from './env';

const holder = globalThis as typeof globalThis & { __leanSaasRedis?: Redis | null };

/** The shared Redis client when REDIS_URL is set, else null (embedded default). */
export function getRedis(): Redis | null {
  if (holder.__leanSaasRedis === undefined) {
    holder.__leanSaasRedis = env.REDIS_URL
      ? new Redis(env.REDIS_URL, {
          lazyConnect: true,
          connectTimeout: 1_000,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: true,
        })
      : null;
    // Reconnection is ioredis's job; an unhandled 'error' event would crash the process.
    holder.__leanSaasRedis?.on('error', () => {});
  }
  return holder.__leanSaasRedis;
}

/**
 * A ping of the shared store that rate limits and the cache use (Upstash or
 * REDIS_URL), or null when neither is configured.
 */
export function sharedStorePing(): (() => Promise<unknown>) | null {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const upstash = new UpstashRedis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
    });
    return () => upstash.ping();
  }
  const redis = getRedis();
  return redis ? () => redis.ping() : null;
}
