// The control channel: how `npm run admin:grant` and the other CLIs reach a running
// app that owns the embedded database. Shared by the server (the app) and the client
// (a CLI): where it lives, what a job is, and the two messages it carries. It carries
// only named jobs, never SQL: PGlite is one session, so anything from outside must run
// through the app's own client, between its transactions.
import { createHash } from 'node:crypto';
import path from 'node:path';

import { z } from 'zod';

import type { Database } from '@/db/types';

/** What a job prints: `message` on stdout when ok, else on stderr; `details` on stderr. */
export type JobResult = { ok: boolean; message: string; details?: string[] };

export type JobContext = {
  db: Database;
  /** True inside the running app; false when the CLI opened the database itself. */
  runningApp: boolean;
};

type JobSpec<Input> = {
  /** The npm script's name, e.g. `admin:grant`. */
  name: string;
  input: z.ZodType<Input>;
  run: (context: JobContext, input: Input) => Promise<JobResult>;
};

/** A job the CLI runs itself or asks the running app to run: the same code either way. */
export type Job<Input> = JobSpec<Input> & {
  /** `run` on input from the wire, validated first. */
  runRequest: (context: JobContext, input: unknown) => Promise<JobResult>;
};

export type AnyJob = Pick<Job<unknown>, 'name' | 'runRequest'>;

export function defineJob<Input>(spec: JobSpec<Input>): Job<Input> {
  return {
    ...spec,
    runRequest: async (context, input) => {
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          message: `Invalid input for ${spec.name}: ${z.prettifyError(parsed.error).split('\n').join(' ')}`,
        };
      }
      return spec.run(context, parsed.data);
    },
  };
}

/**
 * An error as one line: the innermost cause's message (drizzle's own message carries
 * the query and its bound parameters, and spans lines).
 */
export function errorLine(error: unknown): string {
  let message = String(error);
  for (let current = error; current instanceof Error; current = current.cause) {
    message = current.message;
  }
  return message.split('\n')[0]!.trim();
}

export const jobRequest = z.object({
  token: z.string().max(200),
  job: z.string().max(100),
  input: z.unknown(),
});

export const jobResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  details: z.array(z.string()).optional(),
});

/** A request is one short line; a larger one is refused unread. */
export const MAX_REQUEST_BYTES = 64 * 1024;

export const controlDir = (dataDir: string) => path.join(path.resolve(dataDir), 'control');
export const tokenPath = (dataDir: string) => path.join(controlDir(dataDir), 'token');

// Unix socket paths are limited to ~104 bytes (macOS) or 108 (Linux).
const MAX_SOCKET_PATH = 100;

/**
 * The socket both sides use for `dataDir`. A long absolute path falls back to the
 * path relative to the working directory (both run from the project folder). Windows
 * has no socket files: a named pipe named after the folder, guarded by the token.
 */
export function socketPath(dataDir: string): string {
  const absolute = path.join(controlDir(dataDir), 'app.sock');
  if (process.platform === 'win32') {
    const id = createHash('sha256').update(absolute.toLowerCase()).digest('hex').slice(0, 24);
    return `\\\\.\\pipe\\lean-saas-${id}`;
  }
  if (Buffer.byteLength(absolute) <= MAX_SOCKET_PATH) return absolute;
  const relative = path.relative(process.cwd(), absolute);
  return relative.length < absolute.length ? relative : absolute;
}
