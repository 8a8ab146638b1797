import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import { MIGRATIONS_FOLDER } from './embedded';
import * as schema from './schema';
import type { Database } from './types';

export type PostgresOptions = {
  /** false behind Supabase's transaction pooler, which cannot keep prepared statements. */
  prepare: boolean;
  max: number;
};

export type PostgresDatabase = { db: Database; close: () => Promise<void> };

export function openPostgresDatabase(url: string, options: PostgresOptions): PostgresDatabase {
  const client = postgres(url, {
    prepare: options.prepare,
    max: options.max,
    onnotice: () => {},
    connection: { application_name: 'lean-saas' },
  });
  const db = drizzle({ client, schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

export async function migratePostgres(url: string): Promise<void> {
  // One connection: migrations run in order and must not be split across sessions.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end({ timeout: 5 });
  }
}
