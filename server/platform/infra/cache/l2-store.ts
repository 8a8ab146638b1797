import type { Redis as UpstashRedis } from '@upstash/redis';
import type Redis from 'ioredis';

/** The few operations the cache needs from its shared second level. */
export type L2Store = {
  get(key: string): Promise<string | null>;
  /**
   * Stores `value` under `key` and records `key` in each tag set, in one
   * transaction, so an invalidation can never fall between the two. A tag set lives
   * as long as its longest-lived key.
   */
  put(key: string, value: string, ttlSeconds: number, tagKeys: string[]): Promise<void>;
  /** Deletes every key recorded in the tag set, and the set itself. */
  deleteTagged(tagKey: string): Promise<void>;
  delete(key: string): Promise<void>;
};

export function ioredisL2(redis: Redis): L2Store {
  return {
    get: (key) => redis.get(key),
    async put(key, value, ttlSeconds, tagKeys) {
      const transaction = redis.multi().set(key, value, 'EX', ttlSeconds);
      for (const tagKey of tagKeys) {
        transaction
          .sadd(tagKey, key)
          .expire(tagKey, ttlSeconds, 'GT')
          .expire(tagKey, ttlSeconds, 'NX');
      }
      // exec() reports a failed command in its results rather than throwing.
      const failed = (await transaction.exec())?.find(([error]) => error);
      if (failed) throw failed[0];
    },
    async deleteTagged(tagKey) {
      const keys = await redis.smembers(tagKey);
      await redis.del(...keys, tagKey);
    },
    async delete(key) {
      await redis.del(key);
    },
  };
}

export function upstashL2(redis: UpstashRedis): L2Store {
  return {
    // Created with automaticDeserialization off: the cache stores opaque strings.
    get: (key) => redis.get<string>(key),
    async put(key, value, ttlSeconds, tagKeys) {
      const transaction = redis.multi().set(key, value, { ex: ttlSeconds });
      for (const tagKey of tagKeys) {
        transaction
          .sadd(tagKey, key)
          .expire(tagKey, ttlSeconds, 'GT')
          .expire(tagKey, ttlSeconds, 'NX');
      }
      await transaction.exec();
    },
    async deleteTagged(tagKey) {
      const keys = await redis.smembers(tagKey);
      await redis.del(...keys, tagKey);
    },
    async delete(key) {
      await redis.del(key);
    },
  };
}
