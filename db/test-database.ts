import { randomBytes } from 'node:crypto';

import postgres from 'postgres';

import { env } from '@/server/platform/env';

import { openMemoryDatabase } from './embedded';
import { migratePostgres, openPostgresDatabase } from './postgres';
import type { Database } from './types';

export type TestDatabase = { db: Database; close: () => Promise<void> };

/**
 * A fresh, fully migrated database for one test file: in-memory PGlite by default,
 * or a new database on the TEST_DATABASE_URL server, dropped again on close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!env.TEST_DATABASE_URL) return openMemoryDatabase();

  const name = `leansaas_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const opened = openPostgresDatabase(url.toString(), {
    prepare: env.DATABASE_PREPARE ?? true,
    max: 4,
  });
  return {
    db: opened.db,
    close: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
