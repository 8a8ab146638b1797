import type { ChildProcess } from 'node:child_process';

/** See stand-in-process.mjs: a local stand-in package as a child process. */
export type StandInOptions = {
  /** The app's root directory (where its package.json is), to find the package from. */
  root: string;
  /** The workspace package, e.g. `@lean-saas/stripe-emulator`; its `bin` export is run. */
  pkg: string;
  /** Its name in messages. */
  name: string;
  /** Its whole environment besides PATH, HOME and TMPDIR. */
  variables: Record<string, string | undefined>;
  /** Drops its stdout (the "listening" line). */
  quiet?: boolean;
};

export type StandInProcess = {
  child: ChildProcess;
  /** Its URL once it listens; rejects when it cannot start. */
  listening: Promise<string>;
  /** Stops it (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
};

export function spawnStandIn(options: StandInOptions): StandInProcess;
