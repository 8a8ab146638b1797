import type { Database } from '@/db/types';

/** A database that counts the transactions opened on it (every query path opens one). */
export function countingDb(inner: Database) {
  const counter = { transactions: 0 };
  const counted = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'transaction') counter.transactions++;
      return Reflect.get(target, property, receiver);
    },
  });
  return { counted, counter };
}
