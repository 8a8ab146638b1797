import { createServer, type Server } from 'node:net';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openPostgresDatabase } from '@/db/postgres';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { apiClient } from '@/test/helpers/api-client';

import { checkHealth, healthHttpStatus, sharedForAWhile } from './health';

let testDb: TestDatabase;
// A TCP server that accepts connections and never answers: a hung dependency.
let silentServer: Server;
let silentPort: number;
const closedPort = 1; // nothing listens there: connection refused at once

beforeAll(async () => {
  testDb = await createTestDatabase();
  silentServer = createServer(() => {});
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
  silentPort = (silentServer.address() as { port: number }).port;
});
afterAll(async () => {
  await testDb.close();
  silentServer.close();
});

const unconfigured = { redis: null, stripe: null, email: null, timeoutMs: 500 };

describe('checkHealth', () => {
  it('is healthy on a working database, with its latency', async () => {
    const health = await checkHealth({ db: testDb.db, ...unconfigured });
    expect(health.status).toBe('healthy');
    expect(health.checks.database).toEqual({ status: 'ok', latencyMs: expect.any(Number) });
    expect(health.checks.redis.status).toBe('not configured');
    expect(healthHttpStatus(health)).toBe(200);
  });

  it('is unhealthy (503) when the database refuses connections', async () => {
    const down = openPostgresDatabase(`postgres://postgres@127.0.0.1:${closedPort}/none`, {
      prepare: true,
      max: 1,
    });
    const health = await checkHealth({ db: down.db, ...unconfigured });
    expect(health.status).toBe('unhealthy');
    expect(health.checks.database).toEqual({ status: 'down', latencyMs: null });
    expect(healthHttpStatus(health)).toBe(503);
    await down.close();
  });

  it('answers within its timeout when the database hangs', async () => {
    const hung = openPostgresDatabase(`postgres://postgres@127.0.0.1:${silentPort}/none`, {
      prepare: true,
      max: 1,
    });
    const startedAt = Date.now();
    const health = await checkHealth({ db: hung.db, ...unconfigured, timeoutMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(health.status).toBe('unhealthy');
    await hung.close().catch(() => {});
  });

  it('is degraded, not down, when a configured Redis is unreachable', async () => {
    const redis = new Redis({ port: closedPort, lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    const health = await checkHealth({ db: testDb.db, ...unconfigured, redis: () => redis.ping() });
    expect(health.status).toBe('degraded');
    expect(health.checks.redis.status).toBe('down');
    expect(healthHttpStatus(health)).toBe(200);
    redis.disconnect();
  });

  it('reports a failing provider probe as down', async () => {
    const health = await checkHealth({
      db: testDb.db,
      ...unconfigured,
      stripe: async () => {
        throw new Error('401');
      },
      email: async () => undefined,
    });
    expect(health.checks.stripe.status).toBe('down');
    expect(health.checks.email.status).toBe('ok');
    expect(health.status).toBe('degraded');
  });
});

describe('GET /api/v1/health', () => {
  it('returns 200 with the envelope on a working database', async () => {
    const response = await apiClient(testDb.db).rest('/health');
    expect(response.status).toBe(200);
    expect((await response.json()).data.status).toBe('healthy');
  });

  it('returns 503 when the database is down', async () => {
    const down = openPostgresDatabase(`postgres://postgres@127.0.0.1:${closedPort}/none`, {
      prepare: true,
      max: 1,
    });
    const response = await apiClient(down.db).rest('/health');
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.success).toBe(true);
    expect(body.data.status).toBe('unhealthy');
    await down.close();
  });
});

describe('sharedForAWhile', () => {
  it('lets a burst share one probe, in flight or done, and probes again after the window', async () => {
    let probes = 0;
    const probe = sharedForAWhile(async () => {
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return probes;
    }, 200);
    const burst = await Promise.all(Array.from({ length: 50 }, probe));
    expect(new Set(burst)).toEqual(new Set([1]));
    expect(await probe()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect(await probe()).toBe(2);
    expect(probes).toBe(2);
  });
});
