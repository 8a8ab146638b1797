// The CLI's side of the control channel (see channel.ts). On the embedded database a
// CLI first asks the running app to run its job; when no app answers it opens the
// database itself, as the only owner (the data dir's lock guarantees it). On
// Postgres it connects directly: many clients may.
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { getDatabase } from '@/db/client';
import { DataDirInUseError } from '@/db/embedded';
import { env } from '@/env';

import { errorLine, jobResult, socketPath, tokenPath, type Job, type JobResult } from './channel';

/** A failure to print as it is: one line, no stack. */
export class CliError extends Error {}

// The app may be starting (lock taken, socket not yet up), or another CLI may hold
// the stopped app's database for a moment: keep trying both ways this long.
const WAIT_FOR_OWNER_MS = 10_000;

const readToken = (dataDir: string) =>
  readFile(tokenPath(dataDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES') {
      throw new CliError(`Cannot read ${tokenPath(dataDir)}: run this as the app's user.`);
    }
    return null;
  });

/**
 * Asks the app owning `dataDir` to run `job`. Null when no app listens (nothing was
 * sent, so the caller may run the job itself); once connected, any failure is an
 * error, because the job may have run.
 */
export async function askApp(dataDir: string, job: string, input: unknown, token?: string) {
  const presented = token ?? (await readToken(dataDir));
  if (presented === null) return null;
  return new Promise<JobResult | null>((resolve, reject) => {
    let connected = false;
    let received = '';
    const socket = net.connect(socketPath(dataDir), () => {
      connected = true;
      socket.write(`${JSON.stringify({ token: presented, job, input })}\n`);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.once('error', (error) => {
      if (!connected) resolve(null);
      else reject(new CliError(`Lost the app at DATA_DIR ${dataDir} (${error.message}).`));
    });
    socket.once('end', () => {
      const parsed = jobResult.safeParse(safeJson(received.trim()));
      if (parsed.success) resolve(parsed.data);
      else
        reject(
          new CliError(
            `The app at DATA_DIR ${dataDir} closed the connection without an answer; ${job} may or may not have run.`,
          ),
        );
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function runHere<Input>(job: Job<Input>, input: Input): Promise<JobResult> {
  const database = await getDatabase();
  try {
    return await job.run({ db: database.db, runningApp: false }, input);
  } finally {
    await database.close();
  }
}

/** The job's result: from the running app when one answers, else run here. */
export async function runJob<Input>(job: Job<Input>, input: Input): Promise<JobResult> {
  if (env.DATABASE_URL) return runHere(job, input);
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  for (;;) {
    const answer = await askApp(env.DATA_DIR, job.name, input);
    if (answer) return answer;
    try {
      return await runHere(job, input);
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      if (Date.now() > deadline) {
        throw new CliError(
          `The app at DATA_DIR ${env.DATA_DIR} did not answer, and it holds the database: ` +
            'try again once it has started, or stop it and run this again.',
        );
      }
      await sleep(250);
    }
  }
}

function write(stream: NodeJS.WriteStream, lines: string[]) {
  return new Promise<void>((resolve) =>
    stream.write(lines.map((l) => `${l}\n`).join(''), () => resolve()),
  );
}

/**
 * A CLI's whole run: the job's message on stdout (stderr when it failed), exit 1 on
 * failure. Errors are one line on stderr, never a stack trace.
 */
export async function runCli<Input>(job: Job<Input>, input: Input): Promise<never> {
  let result: JobResult;
  try {
    result = await runJob(job, input);
  } catch (error) {
    result = { ok: false, message: error instanceof CliError ? error.message : errorLine(error) };
  }
  if (result.ok) await write(process.stdout, [result.message]);
  await write(process.stderr, [...(result.ok ? [] : [result.message]), ...(result.details ?? [])]);
  // Caches and emulators may keep handles open; the job is done.
  process.exit(result.ok ? 0 : 1);
}

/** A usage error: one line, exit 2. */
export async function usage(line: string): Promise<never> {
  await write(process.stderr, [line]);
  process.exit(2);
}
