// The local identity provider as a process: `node bin.mjs`. Its parent reads the
// stdout line `oauth-emulator listening on <url>` (or, over IPC, `{ type: 'listening', url }`).

import { startOAuthEmulator } from './index';

const env = process.env;
const port = Number(env.OAUTH_EMULATOR_PORT || 0);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`oauth-emulator: OAUTH_EMULATOR_PORT must be a port number`);
  process.exit(1);
}

const emulator = await startOAuthEmulator({
  port,
  host: env.OAUTH_EMULATOR_HOST || undefined,
  // Where the app may be reached: each origin's callbacks are registered with its client.
  appOrigins: env.OAUTH_EMULATOR_APP_ORIGINS?.split(',').filter(Boolean),
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

process.stdout.write(`oauth-emulator listening on ${emulator.url}\n`);
process.send?.({ type: 'listening', url: emulator.url });
