import { createHash } from 'node:crypto';

import type Redis from 'ioredis';

/**
 * The slice of @upstash/redis that @upstash/ratelimit uses (evalsha/eval),
 * implemented on ioredis so the library runs against any Redis.
 *
 * The library's scripts begin with `#!lua flags=allow-key-locking`, a flag Redis
 * 7.0 rejects. The adapter drops that line (the scripts then run as plain EVAL
 * scripts, which Redis executes atomically all the same) and remembers which of
 * its own SHA1s stands for the library's, so EVALSHA keeps working after the first
 * call.
 */
const SHEBANG = /^#!lua[^\n]*\n/;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export function ratelimitRedisAdapter(redis: Redis) {
  const shaByLibrarySha = new Map<string, string>();

  return {
    async evalsha<TResult>(librarySha: string, keys: string[], args: unknown[]): Promise<TResult> {
      const sha = shaByLibrarySha.get(librarySha);
      // Unknown script: answer as Redis would, so the library falls back to eval.
      if (!sha) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      return (await redis.evalsha(sha, keys.length, ...keys, ...args.map(String))) as TResult;
    },
    async eval<TResult>(script: string, keys: string[], args: unknown[]): Promise<TResult> {
      const runnable = script.replace(SHEBANG, '');
      const result = await redis.eval(runnable, keys.length, ...keys, ...args.map(String));
      shaByLibrarySha.set(sha1(script), sha1(runnable));
      return result as TResult;
    },
  };
}
