import { Redis as UpstashRedis } from '@upstash/redis';
import Redis from 'ioredis';

import { env } from '@/env';

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
          // No enableAutoPipelining: it defers each command's write, so on a busy
          // instance the limiter's 300 ms ran out before the command was even sent
          // (the two-instance exact-limit test failed open with it).
        })
      : null;
    // Reconnection is ioredis's job; an unhandled 'error' event would crash the process.
    holder.__leanSaasRedis?.on('error', () => {});
  }
  return holder.__leanSaasRedis;
}

const upstashHolder = globalThis as typeof globalThis & { __leanSaasUpstash?: UpstashRedis | null };

/**
 * The shared Upstash client when UPSTASH_REDIS_REST_* are set, else null. No
 * retries: callers apply a short timeout and their own fail policy, and retries
 * would only pile requests up during an outage.
 */
export function getUpstash(): UpstashRedis | null {
  if (upstashHolder.__leanSaasUpstash === undefined) {
    upstashHolder.__leanSaasUpstash =
      env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? createUpstashClient(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN)
        : null;
  }
  return upstashHolder.__leanSaasUpstash;
}

export function createUpstashClient(url: string, token: string): UpstashRedis {
  // The cache stores opaque strings; the rate limiter reads numbers either way.
  return new UpstashRedis({ url, token, automaticDeserialization: false, retry: { retries: 0 } });
}

/**
 * A ping of the shared store that rate limits and the cache use (Upstash or
 * REDIS_URL), or null when neither is configured.
 */
export function sharedStorePing(): (() => Promise<unknown>) | null {
  const upstash = getUpstash();
  if (upstash) return () => upstash.ping();
  const redis = getRedis();
  return redis ? () => redis.ping() : null;
}
