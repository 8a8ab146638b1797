import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { DataDirInUseError, openEmbeddedDatabase } from './embedded';
import { queryRows } from './query-rows';

const dirs: string[] = [];
async function freshDataDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'leansaas-embedded-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Runs `npm run db:migrate` (a second process) against `dataDir`. */
function migrateInAnotherProcess(dataDir: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/platform/runtime/migrations/migrate-cli.ts'],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const marker = sql`select message from error_reports where fingerprint = 'lock-test'`;

describe('embedded database', () => {
  it('persists across restarts with migrations applied', async () => {
    const dataDir = await freshDataDir();
    const first = await openEmbeddedDatabase(dataDir);
    await first.db.execute(
      sql`insert into error_reports (fingerprint, source, severity, category, message)
          values ('lock-test', 'server', 'low', 'test', 'kept')`,
    );
    await first.close();

    const second = await openEmbeddedDatabase(dataDir);
    expect(await queryRows(second.db, marker)).toEqual([{ message: 'kept' }]);
    await second.close();
  });

  it('refuses a second opener in the same process', async () => {
    const dataDir = await freshDataDir();
    const owner = await openEmbeddedDatabase(dataDir);
    await expect(openEmbeddedDatabase(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
    await owner.close();
  });

  // Two child processes each boot Node, tsx and PGlite: allow for a loaded machine.
  it(
    'a second process that finds no app to ask stops with one line naming the dir, and loses nothing',
    { timeout: 120_000 },
    async () => {
      const dataDir = await freshDataDir();
      const owner = await openEmbeddedDatabase(dataDir);
      await owner.db.execute(
        sql`insert into error_reports (fingerprint, source, severity, category, message)
          values ('lock-test', 'server', 'low', 'test', 'written by the owner')`,
      );

      const intruder = await migrateInAnotherProcess(dataDir);
      expect(intruder.code).toBe(1);
      // The owner here serves no control socket (as an app still starting): nobody answers.
      expect(intruder.output).toBe(
        `The app at DATA_DIR ${dataDir} did not answer, and it holds the database: ` +
          'try again once it has started, or stop it and run this again.\n',
      );

      // The owner still reads and writes normally.
      await owner.db.execute(
        sql`update error_reports set count = 2 where fingerprint = 'lock-test'`,
      );
      expect(await queryRows(owner.db, marker)).toEqual([{ message: 'written by the owner' }]);
      await owner.close();

      // Once the owner is gone the dir opens again, with the data intact.
      const next = await migrateInAnotherProcess(dataDir);
      expect(next.code).toBe(0);
      const reopened = await openEmbeddedDatabase(dataDir);
      expect(
        await queryRows(
          reopened.db,
          sql`select count from error_reports where fingerprint = 'lock-test'`,
        ),
      ).toEqual([{ count: 2 }]);
      await reopened.close();
    },
  );
});
