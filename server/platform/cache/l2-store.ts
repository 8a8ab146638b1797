import type { Redis as UpstashRedis } from '@upstash/redis';
import type Redis from 'ioredis';

/** The few operations the cache needs from its shared second level. */
export type L2Store = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Remembers that `key` carries `tag`, for as long as the key can live. */
  tag(tag: string, key: string, ttlSeconds: number): Promise<void>;
  /** Deletes every key carrying `tag`, and the tag itself. */
  deleteTagged(tag: string): Promise<void>;
  delete(key: string): Promise<void>;
};

export function ioredisL2(redis: Redis): L2Store {
  return {
    get: (key) => redis.get(key),
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, 'EX', ttlSeconds);
    },
    async tag(tag, key, ttlSeconds) {
      await redis
        .multi()
        .sadd(tag, key)
        .expire(tag, ttlSeconds, 'GT')
        .expire(tag, ttlSeconds, 'NX')
        .exec();
    },
    async deleteTagged(tag) {
      const keys = await redis.smembers(tag);
      await redis.del(...keys, tag);
    },
    async delete(key) {
      await redis.del(key);
    },
  };
}

export function upstashL2(redis: UpstashRedis): L2Store {
  return {
    // Upstash's client parses JSON by default; the cache stores opaque strings.
    get: (key) => redis.get<string>(key),
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, { ex: ttlSeconds });
    },
    async tag(tag, key, ttlSeconds) {
      await redis.multi().sadd(tag, key).expire(tag, ttlSeconds).exec();
    },
    async deleteTagged(tag) {
      const keys = await redis.smembers(tag);
      await redis.del(...keys, tag);
    },
    async delete(key) {
      await redis.del(key);
    },
  };
}
