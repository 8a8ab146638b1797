// Starts the local Stripe emulator (packages/stripe-emulator) as a child process, for
// server.mjs and for `npm run billing:sync` with the app stopped. The emulator is a
// stand-in, not product code: it is found through its package and run by path, never
// imported, so no bundle and no deployment ever holds it. Plain JavaScript because
// server.mjs needs it before any TypeScript loads.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The emulator's entry (its package's `bin`), resolved from the app's root as Node
 * resolves the workspace package; a missing package (no `npm ci`) throws here.
 *
 * @param {string} root
 */
function emulatorEntry(root) {
  return createRequire(path.join(root, 'package.json')).resolve('@lean-saas/stripe-emulator/bin');
}

/**
 * Spawns the emulator; `listening` resolves with its URL once it listens, and rejects
 * when it cannot start (it exited first, or could not be spawned). Started with an
 * IPC channel, the emulator stops when its parent goes away.
 *
 * @param {import('./stripe-emulator-process.d.mts').StripeEmulatorProcessOptions} options
 * @returns {import('./stripe-emulator-process.d.mts').StripeEmulatorProcess}
 */
export function spawnStripeEmulator(options) {
  const env = {
    // Only what it needs: never the app's database or API secrets. PATH, HOME and
    // TMPDIR are the operating system's, not app settings, so they are passed through
    // as read here: env.ts validates the app's variables and cannot load this early
    // (server.mjs calls this before any TypeScript runs).
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    STRIPE_EMULATOR_PORT: String(options.port),
    STRIPE_WEBHOOK_SECRET: options.webhookSecret,
    STRIPE_EMULATOR_STATE: options.stateFile,
    ...(options.webhookUrl ? { STRIPE_EMULATOR_WEBHOOK_URL: options.webhookUrl } : {}),
  };
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  const child = spawn(process.execPath, [emulatorEntry(options.root)], {
    env,
    // Its stdout carries only the "listening" line, which a CLI's output does not want.
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  // For the child's whole life: an 'error' with no listener (a kill that fails, say)
  // would crash the app that started it.
  child.on('error', (error) => console.error(`Stripe emulator: ${error.message}`));
  const listening = new Promise((resolve, reject) => {
    const onExit = (/** @type {number | null} */ code) =>
      reject(new Error(`the Stripe emulator exited (${code})`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.on('message', (/** @type {{ type?: string; url?: string } | undefined} */ message) => {
      if (message?.type !== 'listening' || !message.url) return;
      child.off('exit', onExit);
      child.off('error', reject);
      resolve(message.url);
    });
  });
  return {
    child,
    listening,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
