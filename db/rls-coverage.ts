import { sql } from 'drizzle-orm';

import { queryRows } from './query-rows';
import type { DbOrTx } from './types';

/** Tables (and partitioned tables) in `public` that do not have RLS enabled. */
export async function tablesWithoutRls(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
        order by c.relname`,
  );
  return rows.map((row) => row.name);
}
