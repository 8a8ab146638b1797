/**
 * `npm run bench`: the production build (`npm start`, embedded database in a fresh
 * DATA_DIR, or a fresh database on BENCH_DATABASE_URL; Redis when REDIS_URL is set)
 * against a separate bare Next.js app built here, under the same load, interleaved
 * for three rounds. Figures are printed as ratios to the bare app; nothing is
 * asserted (benchmarks measure, tests assert).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';

import { buildBareApp, startBareApp } from './bare-app';
import { freshBenchDatabase } from './database';
import { benchLimiter } from './limiter';
import { benchOrganizations } from './organizations';
import { cpuMicros, rssMb, watchPeakRss } from './process-meter';
import { provisionApiKey } from './provision-key';
import { benchTwoInstances } from './two-instances';
import { benchWebhook } from './webhook';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BARE_PORT = PORT + 1;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_S = 2;
const base = `http://127.0.0.1:${PORT}`;
const bareBase = `http://127.0.0.1:${BARE_PORT}`;
// server.mjs starts the Stripe emulator at PORT + 9000 and signs with this secret.
const WEBHOOK_SECRET = 'whsec_bench_only';
const METRICS_TOKEN = randomBytes(24).toString('hex');

type Target = {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** The ratio to the bare app that issue 15 set as the goal. */
  goal?: number;
  /** The baseline runs in its own process, whose queries are not ours to count. */
  bare?: boolean;
};

const targets = (apiKey: string, cookie: string): Target[] => [
  { name: 'bare Next app, route handler (baseline)', url: `${bareBase}/api/bare`, bare: true },
  { name: 'our app: bare route handler', url: `${base}/api/bare` },
  { name: 'REST GET /api/v1/version, anonymous', url: `${base}/api/v1/version`, goal: 0.8 },
  { name: 'REST GET /api/v1/health', url: `${base}/api/v1/health`, goal: 0.6 },
  {
    name: 'REST GET /api/v1/me, cached API key of a team',
    url: `${base}/api/v1/me`,
    headers: { authorization: `Bearer ${apiKey}` },
    goal: 0.65,
  },
  {
    name: 'tRPC me.get, session cookie',
    url: `${base}/api/trpc/me.get`,
    headers: { cookie },
    goal: 0.55,
  },
];

/** Milliseconds until `url` first answers 2xx. */
async function waitUntilServing(url: string, startedAt: number) {
  while (performance.now() - startedAt < 60_000) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return performance.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** Statements the app has sent to its database so far (its own metric). */
async function statementsSent() {
  const response = await fetch(`${base}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  const line = text.split('\n').find((row) => row.startsWith('db_statements_total '));
  // An older build (benched for a before-and-after) has no such metric: n/a.
  return line ? Number(line.split(' ')[1]) : NaN;
}

type Sample = {
  rps: number;
  p50: number;
  p99: number;
  cpuUs: number;
  queries: number;
  rss: number;
};

async function measure(target: Target, pid: number): Promise<Sample> {
  const load = (seconds: number) =>
    autocannon({
      url: target.url,
      headers: target.headers,
      connections: CONNECTIONS,
      duration: seconds,
    });
  await load(WARMUP_S);
  const statementsBefore = target.bare ? 0 : await statementsSent();
  const cpuBefore = cpuMicros(pid);
  const peakRss = watchPeakRss(pid);
  const result = await load(DURATION_S);
  const cpuAfter = cpuMicros(pid);
  const rss = peakRss();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  const requests = result.requests.total;
  // The scrape itself measures the database with one statement; it is not the route's.
  const statements = target.bare ? 0 : (await statementsSent()) - statementsBefore - 1;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs: (cpuAfter - cpuBefore) / requests,
    queries: Number.isNaN(statements) ? NaN : Math.max(0, statements) / requests,
    rss,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const queriesCell = (queries: number) => (Number.isNaN(queries) ? 'n/a' : queries.toFixed(2));

function printTable(rows: { target: Target; samples: Sample[] }[]) {
  const bareRps = median(rows[0]!.samples.map((sample) => sample.rps));
  console.log(
    '| target | req/s | vs bare app | goal | p50 ms | p99 ms | CPU µs/req | queries/req | peak RSS MB |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { target, samples } of rows) {
    const rps = median(samples.map((sample) => sample.rps));
    const ratio = rps / bareRps;
    const goal = target.goal
      ? `≥ ${target.goal.toFixed(2)} ${ratio >= target.goal ? '✓' : '✗'}`
      : '';
    const cells = [
      target.name,
      Math.round(rps),
      `${ratio.toFixed(2)}×`,
      goal,
      median(samples.map((sample) => sample.p50)),
      median(samples.map((sample) => sample.p99)),
      Math.round(median(samples.map((sample) => sample.cpuUs))),
      target.bare ? '' : queriesCell(median(samples.map((sample) => sample.queries))),
      Math.round(Math.max(...samples.map((sample) => sample.rss))),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

/**
 * The node flags of `npm start` (its heap limit), so that the bench measures the
 * server process as that script starts it, and not npm's own.
 */
function nodeFlagsOfNpmStart(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  return (
    start
      .match(/\bnode\s+(.*?)\s*server\.mjs/)?.[1]
      ?.split(/\s+/)
      .filter(Boolean) ?? []
  );
}

function stop(child: ChildProcess) {
  process.kill(-child.pid!, 'SIGTERM');
  return new Promise((resolve) => child.once('exit', resolve));
}

async function main() {
  console.log('Building the bare Next.js app (the baseline)…');
  buildBareApp();
  const database = await freshBenchDatabase(process.env.BENCH_DATABASE_URL);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leansaas-bench-'));
  const startedAt = performance.now();
  const server = spawn('node', [...nodeFlagsOfNpmStart(), 'server.mjs'], {
    env: {
      ...process.env,
      ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
      // The production default: one log line per request (to /dev/null here).
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      BENCH_BARE_ROUTE: 'true',
      METRICS_TOKEN,
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
  const bare = startBareApp(BARE_PORT);
  try {
    const firstAnswerMs = await waitUntilServing(`${base}/api/v1/version`, startedAt);
    await waitUntilServing(`${bareBase}/api/bare`, performance.now());
    const idleRss = rssMb(server.pid!);
    const { key: apiKey, cookie } = await provisionApiKey(base);
    const store = database ? 'Postgres' : 'the embedded database';
    console.log(
      `\n${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s per target ` +
        `(after ${WARMUP_S} s warm-up; medians), npm start on ${store}` +
        `${process.env.REDIS_URL ? ' and Redis' : ''}, logs on, Node ${process.version}.`,
    );
    console.log(
      `Start: first answer ${Math.round(firstAnswerMs)} ms after launch; idle RSS ${Math.round(idleRss)} MB.\n`,
    );
    const rows = targets(apiKey, cookie).map((target) => ({ target, samples: [] as Sample[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const row of rows) {
        row.samples.push(await measure(row.target, row.target.bare ? bare.pid! : server.pid!));
      }
    }
    printTable(rows);
    await benchWebhook({
      base,
      emulatorUrl: `http://127.0.0.1:${PORT + 9000}`,
      secret: WEBHOOK_SECRET,
      cookie,
      seconds: DURATION_S,
    });
  } finally {
    await Promise.all([stop(server), stop(bare)]);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.lock`, { recursive: true, force: true });
    await database?.drop();
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
  .then(() => benchOrganizations(process.env.BENCH_DATABASE_URL))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
