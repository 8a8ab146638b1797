import postgres from 'postgres';

import { migratePostgres } from '@/db/postgres';

/**
 * A new, migrated database on the Postgres server at `serverUrl` (dropped after the
 * run), or null without one: the app then uses its embedded database.
 */
export async function freshBenchDatabase(serverUrl: string | undefined) {
  if (!serverUrl) return null;
  const name = `leansaas_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
