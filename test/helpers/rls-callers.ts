import { sql, type SQL } from 'drizzle-orm';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withRls, withServiceRole, type Claims } from '@/db/rls';
import type { Database } from '@/db/types';

export type Caller = 'anon' | 'a' | 'b' | 'service';
export type QueryOutcome = Record<string, unknown>[] | string;

/**
 * For RLS matrices: runs a query as the anonymous role, user A, user B or the
 * service role, and returns the rows or the SQLSTATE it was refused with.
 */
export function rlsCallers(db: () => Database, users: { a: string; b: string }) {
  const claims: Record<Exclude<Caller, 'service'>, Claims> = {
    anon: { role: 'anon' },
    a: { role: 'authenticated', sub: users.a },
    b: { role: 'authenticated', sub: users.b },
  };
  return async function as(who: Caller, query: SQL): Promise<QueryOutcome> {
    const run = (tx: Parameters<Parameters<typeof withServiceRole>[1]>[0]) => queryRows(tx, query);
    try {
      return who === 'service'
        ? await withServiceRole(db(), run)
        : await withRls(db(), claims[who], run);
    } catch (error) {
      return pgErrorCode(error) ?? String(error);
    }
  };
}

/** The `id` column of the rows, sorted, or the refusal's SQLSTATE. */
export const idsOf = (result: QueryOutcome, column = 'id') =>
  typeof result === 'string' ? result : result.map((row) => row[column]).sort();

/** Accounts as the auth service makes them (Supabase Auth owns auth.users there). */
export async function seedAccounts(db: Database, ids: string[]) {
  for (const id of ids) {
    await queryRows(db, sql`insert into auth.users (id, email) values (${id}, ${`${id}@x.test`})`);
  }
}
