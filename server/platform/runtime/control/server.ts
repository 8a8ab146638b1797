// The app's side of the control channel (see channel.ts): a unix socket in a 0700
// folder of DATA_DIR, plus a per-start token in a 0600 file beside it that every
// request must carry (root, Windows pipes and odd file systems ignore the modes).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';

import type { Database } from '@/db/types';

import {
  controlDir,
  errorLine,
  jobRequest,
  MAX_REQUEST_BYTES,
  socketPath,
  tokenPath,
  type AnyJob,
  type JobResult,
} from './channel';

type Log = {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
};

export type ControlServerOptions = {
  dataDir: string;
  /** The app's one database client: jobs run between its other transactions. */
  db: Database;
  jobs: readonly AnyJob[];
  log: Log;
};

export type ControlServer = { address: string; close: () => Promise<void> };

// A client gets this long to send its request; the job itself may take longer.
const REQUEST_TIMEOUT_MS = 5_000;

const digest = (value: string) => createHash('sha256').update(value).digest();

async function makePrivateDir(dir: string) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stats = await lstat(dir);
  // A symlink or another user's folder here could hand our token to someone else.
  if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid())) {
    throw new Error(`${dir} is not a folder owned by this user`);
  }
  await chmod(dir, 0o700);
}

const answers = (address: string) =>
  new Promise<boolean>((resolve) => {
    const probe = net.connect(address, () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });

/** A socket file left by a crash answers nobody: remove it, or listen fails. */
async function removeStaleSocket(address: string) {
  if (process.platform === 'win32') return;
  const exists = await lstat(address).then(
    () => true,
    () => false,
  );
  if (!exists) return;
  // We hold the data dir's lock, so a live listener here is a bug worth stopping for.
  if (await answers(address)) throw new Error(`another process answers on ${address}`);
  await rm(address, { force: true });
}

/**
 * Serves named jobs for the CLIs on DATA_DIR's control socket, until `close`. Starts
 * only for the embedded database (on Postgres the CLIs connect directly).
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { dataDir, db, log } = options;
  const jobs = new Map(options.jobs.map((job) => [job.name, job]));
  await makePrivateDir(controlDir(dataDir));

  const token = randomBytes(32).toString('base64url');
  const tokenFile = tokenPath(dataDir);
  await rm(tokenFile, { force: true });
  // `wx`: created fresh with mode 0600, never written through a planted file.
  await writeFile(tokenFile, token, { mode: 0o600, flag: 'wx' });

  async function handle(line: string): Promise<JobResult> {
    let request;
    try {
      request = jobRequest.parse(JSON.parse(line));
    } catch {
      return { ok: false, message: 'Refused: not a job request.' };
    }
    if (!timingSafeEqual(digest(request.token), digest(token))) {
      log.warn({ job: request.job }, 'control channel: refused a request with a wrong token');
      return {
        ok: false,
        message: `Refused: wrong token (run the command as the app's user, with its DATA_DIR).`,
      };
    }
    const job = jobs.get(request.job);
    if (!job) return { ok: false, message: `Refused: the app has no job ${request.job}.` };
    try {
      const result = await job.runRequest({ db, runningApp: true }, request.input);
      log.info({ job: job.name, ok: result.ok }, 'control job done');
      return result;
    } catch (error) {
      log.error({ err: error, job: job.name }, 'control job failed');
      return { ok: false, message: `${job.name} failed in the running app: ${errorLine(error)}` };
    }
  }

  const server = net.createServer((socket) => {
    // A client that left mid-job: nothing to answer, and no reason to crash the app.
    socket.on('error', () => socket.destroy());
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    socket.setEncoding('utf8');
    let buffered = '';
    const onData = (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end < 0 && buffered.length <= MAX_REQUEST_BYTES) return;
      socket.off('data', onData);
      socket.setTimeout(0);
      const answer: Promise<JobResult> =
        end < 0 || end > MAX_REQUEST_BYTES
          ? Promise.resolve({ ok: false, message: 'Refused: request too large.' })
          : handle(buffered.slice(0, end));
      void answer.then((result) => socket.end(`${JSON.stringify(result)}\n`));
    };
    socket.on('data', onData);
  });
  server.maxConnections = 16;

  const address = socketPath(dataDir);
  await removeStaleSocket(address);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') await chmod(address, 0o600);

  // A stopped app leaves neither file behind (a crash may: see removeStaleSocket).
  const removeFiles = () => {
    rmSync(tokenFile, { force: true });
    if (process.platform !== 'win32') rmSync(address, { force: true });
  };
  process.once('exit', removeFiles);
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        process.off('exit', removeFiles);
        server.close(() => {
          removeFiles();
          resolve();
        });
      }),
  };
}
