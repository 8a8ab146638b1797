import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import { MIGRATIONS_FOLDER } from './embedded';
import * as schema from './schema';
import type { Database } from './types';
import { statementCounter } from './statement-count';

export type PostgresOptions = {
  /** false behind Supabase's transaction pooler, which cannot keep prepared statements. */
  prepare: boolean;
  max: number;
};

export type PostgresDatabase = { db: Database; close: () => Promise<void> };

/**
 * How the pool behaves when the database goes away and comes back. postgres.js's
 * defaults suit a database that never leaves: a 30 s connect timeout and a reconnect
 * backoff that grows to 20 s, so during an outage a request waits 12–60 s before it
 * fails, and after the database returns a connection may sit out its backoff first.
 */
export const OUTAGE_OPTIONS = {
  /** A connect that has not finished startup by then fails (CONNECT_TIMEOUT) and its socket is dropped. */
  connect_timeout: 2,
  /**
   * Seconds before a failed connection tries again, with a request waiting on it:
   * 50 ms doubling to 400 ms, jittered, so a request fails within connect_timeout
   * plus this, and the pool is back within a second of the database.
   */
  backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 0.4),
  /** Idle connections are closed, so one whose peer vanished silently is not handed out later. */
  idle_timeout: 20,
  /** TCP keepalive probes an idle socket after this many seconds (default 60). */
  keep_alive: 10,
} as const;

export function openPostgresDatabase(url: string, options: PostgresOptions): PostgresDatabase {
  const client = postgres(url, {
    prepare: options.prepare,
    max: options.max,
    ...OUTAGE_OPTIONS,
    onnotice: () => {},
    connection: { application_name: 'lean-saas' },
  });
  const db = drizzle({ client, schema, logger: statementCounter });
  return { db, close: () => client.end({ timeout: 5 }) };
}

export async function migratePostgres(
  url: string,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  // One connection: migrations run in order and must not be split across sessions.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
