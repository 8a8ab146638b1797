import type { SQL } from 'drizzle-orm';

/**
 * Runs raw SQL and returns its rows. PGlite answers `{ rows }` and postgres.js an
 * array, so code that needs raw SQL reads rows through this one function.
 */
export async function queryRows<Row = Record<string, unknown>>(
  db: { execute: (query: SQL) => PromiseLike<unknown> },
  query: SQL,
): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
