import { Ratelimit } from '@upstash/ratelimit';
import { Redis as UpstashRedis } from '@upstash/redis';
import type Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type Consumption = { allowed: boolean; remaining: number; resetAt: number };

/** A store that counts requests per bucket in a window. */
export type RateLimitStore = {
  readonly kind: 'upstash' | 'redis' | 'memory';
  consume(bucket: string, requests: number, windowSeconds: number): Promise<Consumption>;
  /** The bucket's count without adding to it; `allowed` says whether one more would be. */
  peek(bucket: string, requests: number, windowSeconds: number): Promise<Consumption>;
};

/*
 * Every store counts the same way: a fixed window, aligned to the epoch (window k
 * runs from k × windowSeconds to (k + 1) × windowSeconds, by this process's clock),
 * one counter per bucket and window. That is @upstash/ratelimit's fixedWindow, and
 * rate-limiter-flexible does the same when the window's number is part of the key.
 * Every request counts, refused ones too; `allowed` means the count, this one
 * included, is within the limit; `resetAt` (epoch ms) is the window's end. At a
 * window's edge a caller may get up to twice the limit.
 */

/** The window that `now` falls in: its number and its end (epoch ms). */
export function fixedWindow(windowSeconds: number, now = Date.now()) {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(now / windowMs);
  return { index, resetAt: (index + 1) * windowMs };
}

function consumption(requests: number, used: number, resetAt: number): Consumption {
  return { allowed: used <= requests, remaining: Math.max(0, requests - used), resetAt };
}

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

/**
 * Upstash over REST, with @upstash/ratelimit's fixed window. Keys are
 * `<prefix>:<bucket>:<window number>`, as on Redis, and hold no limit, so a tier
 * change keeps the count.
 */
export function upstashStore(redis: UpstashRedis, prefix: string): RateLimitStore {
  const limiterFor = perShape(
    (requests, windowSeconds) =>
      new Ratelimit({
        redis,
        prefix,
        limiter: Ratelimit.fixedWindow(requests, `${windowSeconds} s`),
        // The caller applies its own timeout and fail policy; no local cache of
        // blocked identifiers, so every instance sees the same count.
        timeout: 0,
        ephemeralCache: false,
        analytics: false,
      }),
  );
  return {
    kind: 'upstash',
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

/**
 * rate-limiter-flexible, in process memory or on Redis: one counter per window
 * length, whatever the limit (so a tier change keeps the count), with no limit of
 * its own (the decision is made here, as @upstash/ratelimit makes it). The window's
 * number in the key makes its window the epoch-aligned one; the key then expires
 * one window after its first request, as on Upstash.
 */
function rateLimiterFlexibleStore(
  kind: 'redis' | 'memory',
  create: (windowSeconds: number) => RateLimiterAbstract,
): RateLimitStore {
  const counters = new Map<number, RateLimiterAbstract>();
  const counterFor = (windowSeconds: number) => {
    let counter = counters.get(windowSeconds);
    if (!counter) counters.set(windowSeconds, (counter = create(windowSeconds)));
    return counter;
  };
  return {
    kind,
    async consume(bucket, requests, windowSeconds) {
      const window = fixedWindow(windowSeconds);
      const result = await counterFor(windowSeconds).consume(`${bucket}:${window.index}`);
      return consumption(requests, result.consumedPoints, window.resetAt);
    },
    async peek(bucket, requests, windowSeconds) {
      const window = fixedWindow(windowSeconds);
      const result = await counterFor(windowSeconds).get(`${bucket}:${window.index}`);
      // "One more": allowed while the count is below the limit.
      const { remaining, resetAt } = consumption(
        requests,
        result?.consumedPoints ?? 0,
        window.resetAt,
      );
      return { allowed: remaining > 0, remaining, resetAt };
    },
  };
}

/**
 * Any Redis (ioredis). No insurance limiter and no `rejectIfRedisNotReady`: the
 * caller owns the timeout and the fail policy, and the shared client connects
 * lazily, on its first command (a limiter refusing to send one would never connect).
 */
export function redisStore(redis: Redis, prefix: string): RateLimitStore {
  return rateLimiterFlexibleStore(
    'redis',
    (duration) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: prefix,
        points: Number.MAX_SAFE_INTEGER,
        duration,
      }),
  );
}

/**
 * One process only: the embedded default, not shared across instances (start-up
 * says so).
 */
export function memoryStore(prefix: string): RateLimitStore {
  return rateLimiterFlexibleStore(
    'memory',
    (duration) =>
      new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration, keyPrefix: prefix }),
  );
}
