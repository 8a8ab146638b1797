import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's postgresql-15 package puts its binaries (every machine of ours has them). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export type TestCluster = {
  url: string;
  /** Kills the server as a crash or an outage would: no shutdown checkpoint, sockets reset. */
  stopImmediately: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

// initdb refuses to run as root; CI and the dev machines run tests as root.
async function asClusterOwner(binary: string, args: string[]): Promise<void> {
  const command = path.join(POSTGRES_BIN, binary);
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await run(command, args);
}

/**
 * A throwaway PostgreSQL 15 cluster of this process's own, on a free loopback port,
 * for tests that must stop and restart the database (outages). Trust auth, no fsync.
 */
export async function startTestCluster(): Promise<TestCluster> {
  if (!existsSync(path.join(POSTGRES_BIN, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${POSTGRES_BIN}: apt-get install postgresql-15`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'lean-saas-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(gid));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  await asClusterOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    asClusterOwner('pg_ctl', [
      'start',
      '-w',
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-o',
      options,
    ]);
  const stop = (mode: 'immediate' | 'fast') =>
    asClusterOwner('pg_ctl', ['stop', '-w', '-D', data, '-m', mode]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stopImmediately: () => stop('immediate'),
    destroy: async () => {
      await stop('immediate').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
