import { Ratelimit } from '@upstash/ratelimit';
import { Redis as UpstashRedis } from '@upstash/redis';
import type Redis from 'ioredis';
import { RateLimiterMemory } from 'rate-limiter-flexible';

import { ratelimitRedisAdapter } from './redis-adapter';

export type Consumption = { allowed: boolean; remaining: number; resetAt: number };

/** A store that counts requests per bucket in a window. */
export type RateLimitStore = {
  readonly kind: 'upstash' | 'redis' | 'memory';
  consume(bucket: string, requests: number, windowSeconds: number): Promise<Consumption>;
  /** The bucket's count without adding to it; `allowed` says whether one more would be. */
  peek(bucket: string, requests: number, windowSeconds: number): Promise<Consumption>;
};

/** Builds one limiter per distinct (requests, window) and reuses it. */
function perShape<T>(create: (requests: number, windowSeconds: number) => T) {
  const limiters = new Map<string, T>();
  return (requests: number, windowSeconds: number) => {
    const shape = `${requests}/${windowSeconds}`;
    let limiter = limiters.get(shape);
    if (!limiter) limiters.set(shape, (limiter = create(requests, windowSeconds)));
    return limiter;
  };
}

/** @upstash/ratelimit's sliding window, on Upstash or on any Redis through the adapter. */
function upstashRatelimitStore(
  kind: 'upstash' | 'redis',
  redis: ConstructorParameters<typeof Ratelimit>[0]['redis'],
  prefix: string,
): RateLimitStore {
  const limiterFor = perShape(
    (requests, windowSeconds) =>
      new Ratelimit({
        redis,
        prefix,
        limiter: Ratelimit.slidingWindow(requests, `${windowSeconds} s`),
        // The caller applies its own timeout and fail policy; no local cache of
        // blocked identifiers, so every instance sees the same count.
        timeout: 0,
        ephemeralCache: false,
        analytics: false,
      }),
  );
  return {
    kind,
    async consume(bucket, requests, windowSeconds) {
      const result = await limiterFor(requests, windowSeconds).limit(bucket);
      return {
        allowed: result.success,
        remaining: Math.max(0, result.remaining),
        resetAt: result.reset,
      };
    },
    async peek(bucket, requests, windowSeconds) {
      const result = await limiterFor(requests, windowSeconds).getRemaining(bucket);
      const remaining = Math.max(0, result.remaining);
      return { allowed: remaining > 0, remaining, resetAt: result.reset };
    },
  };
}

export function upstashStore(redis: UpstashRedis, prefix: string): RateLimitStore {
  return upstashRatelimitStore('upstash', redis, prefix);
}

export function redisStore(redis: Redis, prefix: string): RateLimitStore {
  const adapter = ratelimitRedisAdapter(redis) as unknown as UpstashRedis;
  return upstashRatelimitStore('redis', adapter, prefix);
}

/**
 * One process only (rate-limiter-flexible's memory limiter, a fixed window per
 * bucket): the embedded default, not shared across instances. One counter per
 * bucket and window, whatever the limit, so a tier change keeps the count.
 */
export function memoryStore(prefix: string): RateLimitStore {
  const counters = new Map<number, RateLimiterMemory>();
  const counterFor = (duration: number) => {
    let counter = counters.get(duration);
    if (!counter) {
      counter = new RateLimiterMemory({
        points: Number.MAX_SAFE_INTEGER,
        duration,
        keyPrefix: prefix,
      });
      counters.set(duration, counter);
    }
    return counter;
  };
  return {
    kind: 'memory',
    async consume(bucket, requests, windowSeconds) {
      const result = await counterFor(windowSeconds).consume(bucket);
      return {
        allowed: result.consumedPoints <= requests,
        remaining: Math.max(0, requests - result.consumedPoints),
        resetAt: Date.now() + result.msBeforeNext,
      };
    },
    async peek(bucket, requests, windowSeconds) {
      const result = await counterFor(windowSeconds).get(bucket);
      const remaining = Math.max(0, requests - (result?.consumedPoints ?? 0));
      return {
        allowed: remaining > 0,
        remaining,
        resetAt: Date.now() + (result?.msBeforeNext ?? 0),
      };
    },
  };
}
