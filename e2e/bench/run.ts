/**
 * `npm run bench`: starts the production build (embedded database, fresh DATA_DIR)
 * and measures, in one run and under the same load, a bare route handler and the
 * pipeline's routes. Figures are printed; nothing is asserted (benchmarks measure,
 * tests assert).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';

import { benchLimiter } from './limiter';
import { provisionApiKey } from './provision-key';
import { benchTwoInstances } from './two-instances';
import { benchWebhook } from './webhook';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const base = `http://127.0.0.1:${PORT}`;
// server.mjs starts the Stripe emulator at PORT + 9000 and signs with this secret.
const WEBHOOK_SECRET = 'whsec_bench_only';

type Target = { name: string; path: string; headers?: Record<string, string> };

// Every API route below runs the rate limiter (with REDIS_URL set, against Redis).
const targets = (apiKey: string): Target[] => [
  { name: 'bare route handler', path: '/api/bare' },
  { name: 'REST GET /api/v1/version', path: '/api/v1/version' },
  { name: 'tRPC core.version', path: '/api/trpc/core.version' },
  { name: 'REST GET /api/v1/health', path: '/api/v1/health' },
  // The key is verified from the cache; the profile read is one RLS transaction.
  {
    name: 'REST GET /api/v1/me (API key)',
    path: '/api/v1/me',
    headers: { authorization: `Bearer ${apiKey}` },
  },
];

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start within 60 s');
}

function load(target: Target, seconds: number) {
  return autocannon({
    url: base + target.path,
    headers: target.headers,
    connections: CONNECTIONS,
    duration: seconds,
  });
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leansaas-bench-'));
  const server = spawn('node', ['server.mjs'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      BENCH_BARE_ROUTE: 'true',
      // The key is provisioned as a user would, through the emailed link.
      DEV_MAILBOX: 'true',
      PORT: String(PORT),
      // Every API route is rate limited; raise the limits far above the load.
      RATE_LIMIT_MULTIPLIER: '100000',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // Always the local emulator, never a Stripe account.
      STRIPE_SECRET_KEY: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForServer();
    const { key: apiKey, cookie } = await provisionApiKey(base);
    console.log(
      `${CONNECTIONS} connections, ${DURATION_S} s per route after ${WARMUP_S} s warm-up, ` +
        `npm start (server.mjs), Node ${process.version}\n`,
    );
    const rows = [];
    for (const target of targets(apiKey)) {
      await load(target, WARMUP_S);
      const result = await load(target, DURATION_S);
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${target.path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      }
      rows.push({
        target: target.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
      });
    }
    const bare = rows[0]!.rps;
    console.log('| route | req/s | vs bare | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      const ratio = `${Math.round((row.rps / bare) * 100)}%`;
      console.log(
        `| ${row.target} | ${Math.round(row.rps)} | ${ratio} | ${row.p50} | ${row.p99} |`,
      );
    }
    await benchWebhook({
      base,
      emulatorUrl: `http://127.0.0.1:${PORT + 9000}`,
      secret: WEBHOOK_SECRET,
      cookie,
      seconds: DURATION_S,
    });
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.lock`, { recursive: true, force: true });
  }
}

/** Two processes need a shared Postgres: BENCH_DATABASE_URL (a server URL). */
async function twoInstances() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    console.log('\n(set BENCH_DATABASE_URL to a Postgres server to measure two instances too)');
    return;
  }
  await benchTwoInstances({ serverUrl, connections: CONNECTIONS, seconds: DURATION_S });
}

main()
  .then(twoInstances)
  .then(() => benchLimiter(process.env.REDIS_URL))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
