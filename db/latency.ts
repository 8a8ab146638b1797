import { sql } from 'drizzle-orm';

import type { Database } from './types';

/** Round-trip of a trivial query in ms, or null when the database does not answer. */
export async function measureDatabaseLatencyMs(db: Database): Promise<number | null> {
  const startedAt = performance.now();
  try {
    await db.execute(sql`select 1`);
    return Math.round((performance.now() - startedAt) * 100) / 100;
  } catch {
    return null;
  }
}
