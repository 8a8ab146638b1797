import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

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
 * Postgres's default 128 MB of shared buffers live in the WebAssembly memory, which
 * never shrinks. A starter's data fits in far less, and the OS caches the files.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates the database cluster in a new data dir, in a child process: initdb's
 * WebAssembly memory (about 500 MB) is never given back, and in a child it goes
 * away with it. Called under the data dir's lock.
 */
async function initDataDirInChild(dataDir: string) {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const script =
    "import { PGlite } from '@electric-sql/pglite';" +
    'const db = new PGlite(process.argv[1]); await db.waitReady; await db.close();';
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dataDir], {
      cwd: process.cwd(),
      timeout: 120_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const reason = stderr.split('\n').slice(-3).join(' ') || (error as Error).message;
    throw new Error(`Could not create the embedded database in ${dataDir}: ${reason}`);
  }
}

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
    await initDataDirInChild(absoluteDir);
    const client = new PGlite(absoluteDir, { startParams: START_PARAMS });
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
 * first, on the empty database (e.g. to give it Supabase's shape). A migration test
 * passes an older folder first, then `migrate`s to the current one.
 */
export async function openMemoryDatabase(
  setup?: string,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<EmbeddedDatabase & { migrate: (folder: string) => Promise<void> }> {
  const client = new PGlite();
  if (setup) await client.exec(setup);
  const db = drizzle({ client, schema, logger: statementCounter });
  await migrate(db, { migrationsFolder });
  return {
    db,
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: () => client.close(),
  };
}
