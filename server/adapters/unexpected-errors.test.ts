import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openPostgresDatabase } from '@/db/postgres';
import { errorReports } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { INTERNAL_ERROR_MESSAGE } from '@/server/platform/errors';
import { apiClient } from '@/server/testing/api-client';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

// A database that refuses connections makes the error-report insert fail: an
// unexpected server error, as a real outage would cause.
const brokenDb = () =>
  openPostgresDatabase('postgres://secret-user:hunter2@127.0.0.1:1/none', {
    prepare: true,
    max: 1,
  });

describe('unexpected errors', () => {
  const report = { message: 'x', severity: 'low', category: 'ui' };

  it('become a generic 500 envelope with the request id and no internals (REST)', async () => {
    const broken = brokenDb();
    const response = await apiClient(broken.db).postJson('/errors', report, {
      'x-request-id': 'req-unexpected-1',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      success: false,
      error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE },
      requestId: 'req-unexpected-1',
    });
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|secret-user|stack/);
    await broken.close();
  });

  it('become a generic 500 on tRPC too', async () => {
    const broken = brokenDb();
    const response = await apiClient(broken.db).trpc('core.reportError', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.error.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(body.error.data).toMatchObject({ code: 'INTERNAL', httpStatus: 500 });
    expect(body.error.data.requestId).toBe(response.headers.get('x-request-id'));
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|stack/);
    await broken.close();
  });

  it('are recorded as server error reports', async () => {
    const { reportError } = await import('@/server/trpc');
    const { TRPCError } = await import('@trpc/server');
    const { logger } = await import('@/server/platform/logger');
    const scope = {
      requestId: 'req-record-1',
      log: logger,
      method: 'GET',
      path: '/x',
      route: 'GET /api/v1/x',
      clientIp: null,
    };
    reportError(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('disk 93 full') }),
      scope,
      testDb.db,
    );
    await expect
      .poll(async () =>
        testDb.db.select().from(errorReports).where(eq(errorReports.source, 'server')),
      )
      .toEqual([
        expect.objectContaining({
          category: 'server',
          message: 'Error: disk 93 full',
          metadata: { route: 'GET /api/v1/x', requestId: 'req-record-1' },
        }),
      ]);
  });
});
