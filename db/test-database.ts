import { randomBytes } from 'node:crypto';

import postgres from 'postgres';

import { env } from '@/env';

import { openMemoryDatabase } from './embedded';
import { migratePostgres, openPostgresDatabase } from './postgres';
import type { Database } from './types';

export type TestDatabase = {
  db: Database;
  /** Applies the migrations in `folder` that have not run yet (migration tests). */
  migrate: (folder: string) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A fresh, fully migrated database for one test file: in-memory PGlite by default,
 * or a new database on the TEST_DATABASE_URL server, dropped again on close.
 * `beforeMigrations` is SQL run on the empty database first; `migrationsFolder`, an
 * older set of migrations to stop at.
 */
export async function createTestDatabase(
  options: { beforeMigrations?: string; migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  if (!env.TEST_DATABASE_URL) {
    return openMemoryDatabase(options.beforeMigrations, options.migrationsFolder);
  }

  const name = `leansaas_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  if (options.beforeMigrations) {
    const setup = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setup.unsafe(options.beforeMigrations);
    await setup.end({ timeout: 5 });
  }
  await migratePostgres(url.toString(), options.migrationsFolder);
  const opened = openPostgresDatabase(url.toString(), {
    prepare: env.DATABASE_PREPARE ?? true,
    max: 4,
  });
  return {
    db: opened.db,
    migrate: (folder) => migratePostgres(url.toString(), folder),
    close: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
