import { sql } from 'drizzle-orm';

import { withTimeout } from '@/server/platform/infra/timeout';

import type { Database } from '@/db/types';

/**
 * Round-trip of a trivial query in ms, or null when the database does not answer
 * within `timeoutMs` (a scrape must never hang on a hung database).
 */
export async function measureDatabaseLatencyMs(
  db: Database,
  timeoutMs = 2_000,
): Promise<number | null> {
  const startedAt = performance.now();
  try {
    await withTimeout(db.execute(sql`select 1`), timeoutMs);
    return Math.round((performance.now() - startedAt) * 100) / 100;
  } catch {
    return null;
  }
}
