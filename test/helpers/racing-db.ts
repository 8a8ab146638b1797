import type { Database } from '@/db/types';

/**
 * The database, except that its first transaction runs `meanwhile` just as it
 * begins: a write that overtakes a read already under way (a revocation racing a
 * cache fill, say).
 */
export function overtakenBy(db: Database, meanwhile: () => Promise<unknown>): Database {
  let overtaken = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'transaction' || overtaken) return value;
      return async (...args: unknown[]) => {
        overtaken = true;
        await meanwhile();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
