import { spawn, type ChildProcess } from 'node:child_process';

import autocannon from 'autocannon';

import { freshBenchDatabase } from './database';
import { provisionApiKey } from './provision-key';

const PORTS = [3310, 3311];

function startServer(port: number, databaseUrl: string): ChildProcess {
  return spawn('node', ['server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      DEV_MAILBOX: 'true',
      RATE_LIMIT_MULTIPLIER: '100000',
      STRIPE_SECRET_KEY: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

async function waitFor(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const up = await fetch(`${base}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base} did not start`);
}

const load = (base: string, key: string, connections: number, seconds: number) =>
  autocannon({
    url: `${base}/api/v1/me`,
    headers: { authorization: `Bearer ${key}` },
    connections,
    duration: seconds,
  });

/**
 * The API-key route on one process, then on two processes sharing one Postgres (and
 * Redis, when REDIS_URL is set), with the same total connections, in one run. On a
 * 2-core machine two processes do not double the throughput; the row says by how
 * much they raise it.
 */
export async function benchTwoInstances(options: {
  serverUrl: string;
  connections: number;
  seconds: number;
}) {
  const database = (await freshBenchDatabase(options.serverUrl))!;
  const servers = PORTS.map((port) => startServer(port, database.url));
  try {
    const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(bases.map(waitFor));
    const { key } = await provisionApiKey(bases[0]!);
    await Promise.all(bases.map((base) => load(base, key, options.connections / 2, 3)));

    const one = await load(bases[0]!, key, options.connections, options.seconds);
    const both = await Promise.all(
      bases.map((base) => load(base, key, options.connections / 2, options.seconds)),
    );
    const combined = both.reduce((total, result) => total + result.requests.average, 0);
    const p99 = Math.max(...both.map((result) => result.latency.p99));
    console.log(
      `\n| GET /api/v1/me (API key), ${options.connections} connections | req/s | vs one | p99 ms |`,
    );
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| one process | ${Math.round(one.requests.average)} | 100% | ${one.latency.p99} |`,
    );
    console.log(
      `| two processes, one Postgres${process.env.REDIS_URL ? ' and Redis' : ''} | ${Math.round(combined)} | ${Math.round((combined / one.requests.average) * 100)}% | ${p99} |`,
    );
  } finally {
    for (const server of servers) process.kill(-server.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.drop();
  }
}
