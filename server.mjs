// `npm start` (and `npm run dev` with --dev): the Next.js server, plus two things
// `next start` cannot give the app.
// 1. The client's socket address. It travels to the request pipeline in a header
//    whose name is chosen at random per process, so a client cannot forge it (see
//    server/platform/http/client-ip.ts).
// 2. Billing without a Stripe account: when STRIPE_SECRET_KEY is unset and the app
//    is local (server/platform/runtime/local-app.mjs), the local Stripe emulator
//    (packages/stripe-emulator, a stand-in outside the product) runs as a child
//    process (server/platform/runtime/stripe-emulator-process.mjs), and the app's Stripe SDK
//    talks to it; it delivers signed webhooks back to this server. A deployed app never
//    starts it: without Stripe its billing is off, and its pages say so.
// 3. Sign-in with GitHub / Google without an app at either: when a provider's client
//    id is unset and the app is local, the local identity provider
//    (packages/oauth-emulator) runs beside it, and the app's OAuth clients talk to it.
// On Vercel this file is not used.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';

import nextEnv from '@next/env';
import next from 'next';

import { isLocalApp } from './server/platform/runtime/local-app.mjs';
import { spawnStandIn } from './server/platform/runtime/stand-in-process.mjs';
import { spawnStripeEmulator } from './server/platform/runtime/stripe-emulator-process.mjs';

const dev = process.argv.includes('--dev');
// The .env files, now: what they set decides below whether the emulator runs (Next
// would load them only later, inside next()).
nextEnv.loadEnvConfig(process.cwd(), dev);
const socketIpHeader = `x-socket-ip-${randomBytes(12).toString('hex')}`;
process.env.SOCKET_IP_HEADER = socketIpHeader;

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';

/** Starts the emulator and resolves with its URL, once it listens. */
async function startStripeEmulator() {
  const webhookSecret =
    process.env.STRIPE_WEBHOOK_SECRET || `whsec_${randomBytes(24).toString('hex')}`;
  // The app's own address as the emulator can reach it, for webhook deliveries.
  const appHost = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  const emulatorPort = port + 9000 <= 65_535 ? port + 9000 : 0;
  const { child, listening } = spawnStripeEmulator({
    root: import.meta.dirname,
    // A fixed offset from the app's port, so `npm run billing:sync` finds it too.
    port: process.env.STRIPE_EMULATOR_PORT || emulatorPort,
    webhookUrl: `http://${appHost}:${port}/api/webhooks/stripe`,
    webhookSecret,
    stateFile: path.resolve(process.env.DATA_DIR || '.data', 'stripe-emulator.json'),
  });
  const stop = () => child.kill();
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(0);
    });
  }
  const url = await listening;
  // Billing cannot work without it: stop, so a supervisor restarts both.
  child.once('exit', (code) => {
    console.error(`The Stripe emulator stopped (${code}); stopping the app.`);
    process.exit(1);
  });
  return { url, webhookSecret };
}

// A preset STRIPE_EMULATOR_URL: another process's emulator (several local instances
// share one, as they would share Stripe).
if (!process.env.STRIPE_SECRET_KEY && !process.env.STRIPE_EMULATOR_URL && isLocalApp(process.env)) {
  try {
    const emulator = await startStripeEmulator();
    process.env.STRIPE_EMULATOR_URL = emulator.url;
    process.env.STRIPE_WEBHOOK_SECRET = emulator.webhookSecret;
  } catch (error) {
    console.error(
      `Cannot start the local Stripe emulator (${error.message}). It needs the dev ` +
        'dependencies (npm ci) and a free port (STRIPE_EMULATOR_PORT, default PORT + 9000); ' +
        'or set STRIPE_SECRET_KEY to use Stripe.',
    );
    process.exit(1);
  }
}

// Sign-in with it is an extra: the app runs on if it cannot start or stops.
async function startOAuthEmulator() {
  const { child, listening } = spawnStandIn({
    root: import.meta.dirname,
    pkg: '@lean-saas/oauth-emulator',
    name: 'local identity provider',
    // Any free port (the app learns its URL from it): a fixed offset from the app's
    // port collided with another local app's Stripe emulator (3000 + 9100 = 3100 + 9000).
    variables: {
      OAUTH_EMULATOR_PORT: process.env.OAUTH_EMULATOR_PORT || '0',
      // The callbacks it accepts: this app as a browser on this machine reaches it.
      OAUTH_EMULATOR_APP_ORIGINS: [
        `http://localhost:${port}`,
        `http://127.0.0.1:${port}`,
        ...(process.env.APP_URL ? [new URL(process.env.APP_URL).origin] : []),
      ].join(','),
    },
  });
  process.once('exit', () => child.kill());
  return listening;
}

const supabaseAuth = Boolean(
  process.env.NEXT_PUBLIC_SUPABASE_URL && process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
);
if (
  !supabaseAuth &&
  (!process.env.GITHUB_CLIENT_ID || !process.env.GOOGLE_CLIENT_ID) &&
  !process.env.OAUTH_EMULATOR_URL &&
  isLocalApp(process.env)
) {
  try {
    process.env.OAUTH_EMULATOR_URL = await startOAuthEmulator();
  } catch (error) {
    console.error(
      `Cannot start the local identity provider (${error.message}); sign-in with GitHub ` +
        'and Google is off.',
    );
  }
}

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Loaded beside their one use (plain .mjs modules: no TypeScript is loaded yet).
const { rewriteMalformedPath } = await import('./server/platform/http/malformed-path-guard.mjs');
const { STATIC_SECURITY_HEADERS } =
  await import('./server/platform/http/static-security-headers.mjs');

const server = createServer((request, response) => {
  request.headers[socketIpHeader] = request.socket.remoteAddress ?? '';
  // Next's own redirects (a trailing slash) skip next.config.ts's headers; every
  // other response sets the same values again.
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    response.setHeader(name, value);
  }
  // Next.js answers a path it cannot percent-decode with a bare 500; send it to ours.
  rewriteMalformedPath(request);
  handle(request, response);
});
// Node closes an idle kept-alive socket after 5 s. A client that sends on it just as
// it closes gets ECONNRESET (a proxy or load balancer in front, which keeps sockets
// for 60 s, sees 502s): keep them longer than such a peer does. The headers timeout
// must exceed it, or Node cuts a slow second request on the same socket.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Lean SaaS listening on http://localhost:${port}`);
});
