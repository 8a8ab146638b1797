import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { builtInAuthProvider } from '@/server/auth/built-in/provider';
import { ANONYMOUS, type Identity, type Permission } from '@/server/identity';
import { recordRequest } from '@/server/platform/observability/metrics';
import { pipelineDeps } from '@/server/pipeline-deps';
import { createCaller } from '@/server/root';
import { testScope } from '@/test/helpers/scope';
import { buildContext } from '@/server/trpc';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

function callerAs(identity: Identity) {
  const scope = testScope({ method: 'GET' });
  return createCaller(
    buildContext({
      db: testDb.db,
      identity,
      scope,
      transport: 'trpc',
      auth: builtInAuthProvider,
      request: new Request('http://localhost/'),
      deps: pipelineDeps(),
    }),
  );
}

const user = (permissions: Permission[]) =>
  ({
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    claims: { role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' },
    permissions,
  }) satisfies Identity;

describe('core router', () => {
  it('serves version to anyone', async () => {
    expect(await callerAs(ANONYMOUS).core.version()).toMatchObject({ name: 'lean-saas' });
  });

  it('refuses metrics to anonymous callers (401)', async () => {
    await expect(callerAs(ANONYMOUS).core.metrics()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses metrics without the metrics:read permission (403)', async () => {
    await expect(callerAs(user([])).core.metrics()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('returns per-route counts, error rate and percentiles with the permission', async () => {
    for (const ms of [10, 20, 30, 40])
      recordRequest('GET', 'GET /api/v1/router-test', 200, ms / 1000);
    recordRequest('GET', 'GET /api/v1/router-test', 500, 0.05);

    const snapshot = await callerAs(user(['metrics:read'])).core.metrics();
    const route = snapshot.routes.find((entry) => entry.route === 'GET /api/v1/router-test');
    expect(route).toMatchObject({ requests: 5, errorRate: 0.2 });
    expect(route?.p50Ms).toBeCloseTo(30, 0);
    expect(route?.p99Ms).toBeGreaterThanOrEqual(40);
    expect(snapshot.process.rssBytes).toBeGreaterThan(0);
    expect(snapshot.database.latencyMs).not.toBeNull();
  });
});
