import { env } from '@/env';

import { openEmbeddedDatabase } from './embedded';
import { openPostgresDatabase } from './postgres';
import type { Database } from './types';

type OpenDatabase = { db: Database; close: () => Promise<void>; kind: 'embedded' | 'postgres' };

// Kept on globalThis so that dev-mode module reloads reuse the one open database
// instead of opening a second PGlite on the same data dir.
const holder = globalThis as typeof globalThis & { __leanSaasDb?: Promise<OpenDatabase> };

/** Supabase's transaction pooler (and PgBouncer) cannot keep prepared statements. */
export function isTransactionPooler(url: string): boolean {
  const parsed = new URL(url);
  return parsed.port === '6543' || parsed.searchParams.get('pgbouncer') === 'true';
}

async function open(): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const opened = openPostgresDatabase(env.DATABASE_URL, {
      prepare: env.DATABASE_PREPARE ?? !isTransactionPooler(env.DATABASE_URL),
      max: env.DATABASE_POOL_MAX,
    });
    return { ...opened, kind: 'postgres' };
  }
  return { ...(await openEmbeddedDatabase(env.DATA_DIR)), kind: 'embedded' };
}

/** The app's database: PGlite in DATA_DIR by default, Postgres when DATABASE_URL is set. */
export function getDatabase(): Promise<OpenDatabase> {
  holder.__leanSaasDb ??= open().catch((error: unknown) => {
    holder.__leanSaasDb = undefined;
    throw error;
  });
  return holder.__leanSaasDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}
