// The emulator as a process: `node bin.mjs` (which loads this file through tsx).
// Its parent reads the one stdout line `stripe-emulator listening on <url>` (or, over
// an IPC channel, the message `{ type: 'listening', url }`).

import { startStripeEmulator } from './index';

function fail(message: string): never {
  console.error(`stripe-emulator: ${message}`);
  process.exit(1);
}

const env = process.env;
const webhookSecret = env.STRIPE_WEBHOOK_SECRET || fail('STRIPE_WEBHOOK_SECRET is required');
const port = Number(env.STRIPE_EMULATOR_PORT || 0);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  fail(`STRIPE_EMULATOR_PORT must be a port number, not '${env.STRIPE_EMULATOR_PORT}'`);
}

const emulator = await startStripeEmulator({
  port,
  host: env.STRIPE_EMULATOR_HOST || undefined,
  webhookUrl: env.STRIPE_EMULATOR_WEBHOOK_URL || undefined,
  webhookSecret,
  stateFile: env.STRIPE_EMULATOR_STATE || undefined,
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.exit(0);
}

process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// Started with IPC: when the parent goes away, so does the emulator (no orphan holding a port).
if (process.send) process.once('disconnect', () => void stop());

// Announced only now: a parent may signal the moment it reads this, and a signal that
// came before the handlers above would kill the process with no clean close.
process.stdout.write(`stripe-emulator listening on ${emulator.url}\n`);
process.send?.({ type: 'listening', url: emulator.url });
