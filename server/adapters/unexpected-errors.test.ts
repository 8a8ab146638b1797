import { eq, sql } from 'drizzle-orm';
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

  it('are recorded as server error reports, without the query parameters', async () => {
    // The database refuses this one client report (a constraint the app does not
    // expect), while the server report about that failure still goes in.
    await testDb.db.execute(
      sql`alter table error_reports add constraint test_no_boom check (category <> 'boom')`,
    );
    const response = await apiClient(testDb.db).postJson(
      '/errors',
      { message: 'user secret text', severity: 'low', category: 'boom' },
      { 'x-request-id': 'req-record-1' },
    );
    expect(response.status).toBe(500);

    await expect
      .poll(() => testDb.db.select().from(errorReports).where(eq(errorReports.source, 'server')))
      .toEqual([
        expect.objectContaining({
          category: 'server',
          severity: 'high',
          metadata: { route: 'POST /api/v1/errors', requestId: 'req-record-1', sqlstate: '23514' },
        }),
      ]);
    const [report] = await testDb.db
      .select()
      .from(errorReports)
      .where(eq(errorReports.source, 'server'));
    expect(report?.message).toContain('test_no_boom');
    expect(report?.message).not.toContain('user secret text');
  });
});
