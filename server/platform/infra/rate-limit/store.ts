import { env } from '@/env';
import { getRedis, getUpstash } from '@/server/platform/infra/redis';

import { memoryStore, redisStore, upstashStore, type RateLimitStore } from './backends';

const holder = globalThis as typeof globalThis & { __leanSaasRateLimitStore?: RateLimitStore };

function selectStore(): RateLimitStore {
  const prefix = `${env.REDIS_KEY_PREFIX}:rl`;
  const upstash = getUpstash();
  if (upstash) return upstashStore(upstash, prefix);
  const redis = getRedis();
  if (redis) return redisStore(redis, prefix);
  // Start-up says so in one line (startup.ts); a deployed app gets here only with
  // RATE_LIMIT_STORE=memory.
  return memoryStore(prefix);
}

/** The store chosen by the environment: Upstash, Redis, or process memory. */
export function rateLimitStore(): RateLimitStore {
  holder.__leanSaasRateLimitStore ??= selectStore();
  return holder.__leanSaasRateLimitStore;
}
