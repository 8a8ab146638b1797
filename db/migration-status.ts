import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';

import { MIGRATIONS_FOLDER } from './embedded';
import { queryRows } from './query-rows';
import type { Database } from './types';

/**
 * How many migrations the folder holds and how many of them the database lacks, by
 * the rule drizzle's migrator applies: a migration is pending when it is newer than
 * the last one recorded.
 */
export async function migrationStatus(
  db: Database,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<{ total: number; pending: number }> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const [last] = await queryRows<{ createdAt: string | number | null }>(
    db,
    sql`select max(created_at) as "createdAt" from drizzle.__drizzle_migrations`,
  );
  const appliedUpTo = Number(last?.createdAt ?? 0);
  return {
    total: migrations.length,
    pending: migrations.filter((migration) => migration.folderMillis > appliedUpTo).length,
  };
}
