import { randomUUID } from 'node:crypto';
import { link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';
import { queryRows } from '@/db/query-rows';
import type { Database } from '@/db/types';
import { signUpAsService } from '@/server/auth/built-in/sign-up';
import { cliJobs } from '@/server/jobs';
import { TEST_PASSWORD } from '@/test/helpers/accounts';
import { runCli } from '@/test/helpers/run-cli';

import { controlDir, socketPath, tokenPath } from './channel';
import { askApp } from './client';
import { startControlServer, type ControlServer } from './server';

const dirs: string[] = [];
async function freshDataDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'leansaas-control-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function newAccount(db: Database) {
  const email = `cli-${randomUUID()}@example.com`;
  await signUpAsService(
    db,
    { email, password: TEST_PASSWORD },
    { requestId: 'test', clientIp: null, userAgent: null },
  );
  return email;
}

const roleOf = async (db: Database, email: string) =>
  (
    await queryRows<{ role: string }>(
      db,
      sql`select p.role from public.profiles p join private.user_accounts a on a.id = p.id
          where a.email = ${email}`,
    )
  )[0]?.role;

/** A socket file nobody listens on, as a crashed app leaves it. */
async function plantStaleSocket(dataDir: string) {
  await mkdir(controlDir(dataDir), { recursive: true, mode: 0o700 });
  const scratch = path.join(controlDir(dataDir), 'scratch.sock');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(scratch, resolve));
  // Closing unlinks the name it listened on, not this second name of the socket.
  await link(scratch, socketPath(dataDir));
  await new Promise((resolve) => server.close(resolve));
  await writeFile(tokenPath(dataDir), 'token-of-the-crashed-app');
}

/** One raw line to the socket and the raw answer, bypassing the client. */
function rawRequest(address: string, line: string) {
  return new Promise<string>((resolve, reject) => {
    let answer = '';
    const socket = net.connect(address, () => socket.write(line));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

// Child processes boot Node, tsx and (when the app is stopped) PGlite: allow for a loaded machine.
const SLOW = { timeout: 120_000 };

describe('while the app runs (it owns DATA_DIR and serves the control socket)', () => {
  let dataDir: string;
  let app: EmbeddedDatabase;
  let server: ControlServer;
  const logged: unknown[] = [];
  const log = {
    info: (...args: unknown[]) => logged.push(args),
    warn: (...args: unknown[]) => logged.push(args),
    error: (...args: unknown[]) => logged.push(args),
  };

  beforeAll(async () => {
    dataDir = await freshDataDir();
    app = await openEmbeddedDatabase(dataDir);
    await plantStaleSocket(dataDir);
    server = await startControlServer({ dataDir, db: app.db, jobs: cliJobs, log });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it('keeps the socket and token to this user, and replaced the stale socket', async () => {
    expect((await stat(controlDir(dataDir))).mode & 0o777).toBe(0o700);
    expect((await stat(server.address)).mode & 0o777).toBe(0o600);
    expect((await stat(tokenPath(dataDir))).mode & 0o777).toBe(0o600);
    expect(await readFile(tokenPath(dataDir), 'utf8')).not.toBe('token-of-the-crashed-app');
  });

  it(
    'admin:grant runs in the app, prints one line, and loses none of the app’s own writes',
    SLOW,
    async () => {
      const email = await newAccount(app.db);
      let finished = false;
      const cli = runCli('server/auth/grant-admin-cli.ts', [email], dataDir).finally(
        () => (finished = true),
      );
      // The app keeps writing, in transactions of its own, while the CLI's job runs.
      let writes = 0;
      while (!finished) {
        await app.db.transaction(async (tx) => {
          await tx.execute(
            sql`insert into error_reports (fingerprint, source, severity, category, message)
                values (${`cli-race-${writes}`}, 'server', 'low', 'test', 'written by the app')`,
          );
        });
        writes += 1;
        await sleep(5);
      }

      expect(await cli).toEqual({
        code: 0,
        stdout: `${email} is now an admin; their sessions were ended, so they sign in again.\n`,
        stderr: '',
      });
      expect(await roleOf(app.db, email)).toBe('admin');
      const [granted] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from audit_logs where action = 'admin.role_granted'`,
      );
      expect(granted?.n).toBe(1);
      const [kept] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from error_reports where fingerprint like 'cli-race-%'`,
      );
      expect(writes).toBeGreaterThan(0);
      expect(kept?.n).toBe(writes);
    },
  );

  it('a failing job is one line on stderr and exit 1', SLOW, async () => {
    const nobody = `nobody-${randomUUID()}@example.com`;
    expect(await runCli('server/auth/grant-admin-cli.ts', [nobody], dataDir)).toEqual({
      code: 1,
      stdout: '',
      stderr: `No account with the email ${nobody}.\n`,
    });
  });

  it('db:migrate reports that the app applied the migrations at its start', SLOW, async () => {
    const result = await runCli('server/platform/runtime/migrations/migrate-cli.ts', [], dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^The running app applied all \d+ migrations at its start\.\n$/);
  });

  it('refuses a request without the right token, and runs nothing', async () => {
    const email = await newAccount(app.db);
    const forged = await askApp(dataDir, 'admin:grant', { email }, 'a-guessed-token');
    expect(forged).toEqual({ ok: false, message: expect.stringMatching(/^Refused: wrong token/) });
    const tokenless = await rawRequest(
      server.address,
      `${JSON.stringify({ job: 'admin:grant', input: { email } })}\n`,
    );
    expect(JSON.parse(tokenless)).toEqual({ ok: false, message: 'Refused: not a job request.' });
    expect(JSON.parse(await rawRequest(server.address, 'select 1;\n'))).toEqual({
      ok: false,
      message: 'Refused: not a job request.',
    });
    expect(await roleOf(app.db, email)).toBe('user');
    // The refusal is logged, and the token never is.
    const token = await readFile(tokenPath(dataDir), 'utf8');
    expect(JSON.stringify(logged)).toContain('wrong token');
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('refuses an unknown job and invalid input with one line', async () => {
    const token = await readFile(tokenPath(dataDir), 'utf8');
    expect(await askApp(dataDir, 'db:drop', {}, token)).toEqual({
      ok: false,
      message: 'Refused: the app has no job db:drop.',
    });
    const invalid = await askApp(dataDir, 'admin:grant', { email: 5 }, token);
    expect(invalid?.ok).toBe(false);
    expect(invalid?.message).toMatch(/^Invalid input for admin:grant: [^\n]+$/);
  });

  it('a job that throws answers one line, and the app serves the next one', async () => {
    const failed = await askApp(dataDir, 'audit:prune', { days: 10 });
    expect(failed).toEqual({
      ok: false,
      message: 'audit:prune failed in the running app: audit retention must be at least 30 days',
    });
    expect(await askApp(dataDir, 'audit:prune', { days: 365 })).toEqual({
      ok: true,
      message: 'Deleted 0 audit events older than 365 days.',
    });
  });
});

describe('while the app is stopped', () => {
  it('the CLI opens the database itself, past the stale socket a crash left', SLOW, async () => {
    const dataDir = await freshDataDir();
    const before = await openEmbeddedDatabase(dataDir);
    const email = await newAccount(before.db);
    await before.close();
    await plantStaleSocket(dataDir);

    expect(await runCli('server/auth/grant-admin-cli.ts', [email], dataDir)).toEqual({
      code: 0,
      stdout: `${email} is now an admin; their sessions were ended, so they sign in again.\n`,
      stderr: '',
    });
    const after = await openEmbeddedDatabase(dataDir);
    expect(await roleOf(after.db, email)).toBe('admin');
    await after.close();
  });
});
