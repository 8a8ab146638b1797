import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import lockfile from 'proper-lockfile';

import * as schema from './schema';
import type { Database } from './types';
import { statementCounter } from './statement-count';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `DATA_DIR ${dataDir} is already in use by another process. ` +
        'Two processes on one embedded database silently lose writes, so this one stops. ' +
        'Stop the other process, or set DATA_DIR to another folder.',
    );
    this.name = 'DataDirInUseError';
  }
}

export type EmbeddedDatabase = { db: Database; close: () => Promise<void> };

/**
 * Opens the embedded database persisted in `dataDir`, after taking an exclusive
 * lock on it (a lock directory beside it, refreshed while we live, stale after a
 * crash), then applies pending migrations.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const absoluteDir = path.resolve(dataDir);
  await mkdir(absoluteDir, { recursive: true });

  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(absoluteDir, {
      // Resolve symlinks, so two spellings of one folder take the same lock.
      realpath: true,
      stale: 30_000,
      update: 10_000,
      retries: 0,
      onCompromised: (error) => {
        // Someone else may now write to our data dir: stopping is the only safe move.
        console.error(`Lost the lock on DATA_DIR ${absoluteDir}: ${error.message}`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new DataDirInUseError(absoluteDir);
    throw error;
  }

  try {
    const client = new PGlite(absoluteDir);
    const db = drizzle({ client, schema, logger: statementCounter });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * A throwaway in-memory database with every migration applied (tests); `setup` runs
 * first, on the empty database (e.g. to give it Supabase's shape).
 */
export async function openMemoryDatabase(setup?: string): Promise<EmbeddedDatabase> {
  const client = new PGlite();
  if (setup) await client.exec(setup);
  const db = drizzle({ client, schema, logger: statementCounter });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, close: () => client.close() };
}
