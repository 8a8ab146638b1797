import type { ChildProcess } from 'node:child_process';

/** See stripe-emulator-process.mjs: the local Stripe emulator as a child process. */
export type StripeEmulatorProcessOptions = {
  /** The app's root directory (where its package.json is), to find the package from. */
  root: string;
  /** 0: a free port chosen by the system. */
  port: number | string;
  /** Signs webhook deliveries. */
  webhookSecret: string;
  /** Where events are delivered; none: they are only stored. */
  webhookUrl?: string;
  /** The JSON file its state is loaded from and saved to. */
  stateFile: string;
  /** Drops its stdout (the "listening" line). */
  quiet?: boolean;
};

export type StripeEmulatorProcess = {
  child: ChildProcess;
  /** Its URL once it listens; rejects when it cannot start. */
  listening: Promise<string>;
  /** Stops it (SIGTERM: it saves and closes) and resolves once it has exited. */
  stop(): Promise<void>;
};

export function spawnStripeEmulator(options: StripeEmulatorProcessOptions): StripeEmulatorProcess;
