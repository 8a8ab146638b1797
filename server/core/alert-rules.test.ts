import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { sampleMinute } from '@/server/platform/observability/metric-history';
import { recordRequest } from '@/server/platform/observability/metrics';

import { checkHealth } from './health';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

const unconfigured = { redis: null, stripe: null, email: null, timeoutMs: 500 };

describe('alert rules in the health status', () => {
  it('fire on a 5xx rate above 5% in the sampled minutes, and degrade health', async () => {
    await sampleMinute(new Date('2026-01-01T00:00:00Z'));
    // Too few requests to judge, and health's own 503s do not count.
    recordRequest('GET', 'GET /api/v1/me', 500, 0.01);
    for (let i = 0; i < 100; i++) recordRequest('GET', 'GET /api/v1/health', 503, 0.01);
    await sampleMinute(new Date('2026-01-01T00:00:30Z'));
    expect((await checkHealth({ db: testDb.db, ...unconfigured })).alerts).toEqual([]);
    for (let i = 0; i < 95; i++) recordRequest('GET', 'GET /api/v1/me', 200, 0.01);
    for (let i = 0; i < 4; i++) recordRequest('GET', 'GET /api/v1/me', 500, 0.01);
    await sampleMinute(new Date('2026-01-01T00:01:00Z'));
    // Exactly 5%: not above the threshold.
    expect((await checkHealth({ db: testDb.db, ...unconfigured })).alerts).toEqual([]);

    for (let i = 0; i < 10; i++) recordRequest('GET', 'GET /api/v1/me', 503, 0.01);
    await sampleMinute(new Date('2026-01-01T00:02:00Z'));
    const health = await checkHealth({ db: testDb.db, ...unconfigured });
    expect(health.alerts).toEqual([
      { id: 'error-rate', severity: 'critical', message: expect.stringContaining('5%') },
    ]);
    expect(health.status).toBe('degraded');
  });

  it('fire when a configured Redis is down', async () => {
    const health = await checkHealth({
      db: testDb.db,
      ...unconfigured,
      redis: () => Promise.reject(new Error('down')),
    });
    expect(health.alerts.map((alert) => alert.id)).toContain('redis-down');
  });
});
