// Starts the local Stripe emulator (packages/stripe-emulator) as a child process, for
// server.mjs and for `npm run billing:sync` with the app stopped (see stand-in-process.mjs).
import { spawnStandIn } from './stand-in-process.mjs';

/**
 * Spawns the emulator; `listening` resolves with its URL once it listens, and rejects
 * when it cannot start (it exited first, or could not be spawned). Started with an
 * IPC channel, the emulator stops when its parent goes away.
 *
 * @param {import('./stripe-emulator-process.d.mts').StripeEmulatorProcessOptions} options
 * @returns {import('./stripe-emulator-process.d.mts').StripeEmulatorProcess}
 */
export function spawnStripeEmulator(options) {
  return spawnStandIn({
    root: options.root,
    pkg: '@lean-saas/stripe-emulator',
    name: 'Stripe emulator',
    quiet: options.quiet,
    variables: {
      STRIPE_EMULATOR_PORT: String(options.port),
      STRIPE_WEBHOOK_SECRET: options.webhookSecret,
      STRIPE_EMULATOR_STATE: options.stateFile,
      ...(options.webhookUrl ? { STRIPE_EMULATOR_WEBHOOK_URL: options.webhookUrl } : {}),
    },
  });
}
