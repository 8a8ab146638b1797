import { and, eq, sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openPostgresDatabase } from '@/db/postgres';
import { errorReports } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  INTERNAL_ERROR_MESSAGE,
} from '@/server/platform/http/errors';
import { apiClient } from '@/test/helpers/api-client';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

// A database that refuses connections: an outage, which is a 503 the client may
// retry, not our bug.
const brokenDb = () =>
  openPostgresDatabase('postgres://secret-user:hunter2@127.0.0.1:1/none', {
    prepare: true,
    max: 1,
  });

const report = { message: 'x', severity: 'low', category: 'ui' };

describe('a database outage', () => {
  it('is a clean 503 envelope with the request id and no internals (REST)', async () => {
    const broken = brokenDb();
    const response = await apiClient(broken.db).postJson('/errors', report, {
      'x-request-id': 'req-outage-1',
    });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      success: false,
      error: { code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE },
      requestId: 'req-outage-1',
    });
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|secret-user|stack/);
    await broken.close();
  });

  it('is a 503 on tRPC too', async () => {
    const broken = brokenDb();
    const response = await apiClient(broken.db).postTrpc('core.reportError', report);
    expect(response.status).toBe(503);
    const text = await response.text();
    const body = JSON.parse(text);
    // The error travels in superjson's format (server/trpc.ts), as a client reads it.
    body.error = superjson.deserialize(body.error);
    expect(body.error.data).toMatchObject({ code: 'UNAVAILABLE', httpStatus: 503 });
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|stack/);
    await broken.close();
  });
});

// The tRPC case above records its own report; each test looks only at its request's.
const serverReportsOf = (requestId: string) =>
  testDb.db
    .select()
    .from(errorReports)
    .where(
      and(
        eq(errorReports.source, 'server'),
        sql`${errorReports.metadata}->>'requestId' = ${requestId}`,
      ),
    );

describe('unexpected errors', () => {
  // The database refuses a client report (a constraint the app does not expect).
  beforeAll(() =>
    testDb.db.execute(
      sql`alter table error_reports add constraint test_no_boom check (category <> 'boom')`,
    ),
  );

  it('become a generic 500 on tRPC with the request id and no internals', async () => {
    const response = await apiClient(testDb.db).postTrpc('core.reportError', {
      ...report,
      category: 'boom',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text);
    body.error = superjson.deserialize(body.error);
    expect(body.error.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(body.error.data).toMatchObject({ code: 'INTERNAL', httpStatus: 500 });
    expect(body.error.data.requestId).toBe(response.headers.get('x-request-id'));
    expect(text).not.toMatch(/test_no_boom|stack/);
  });

  it('are recorded as server error reports, without the query parameters', async () => {
    // The client report is refused while the server report about that failure goes in.
    const response = await apiClient(testDb.db).postJson(
      '/errors',
      { message: 'user secret text', severity: 'low', category: 'boom' },
      { 'x-request-id': 'req-record-1' },
    );
    expect(response.status).toBe(500);

    await expect
      .poll(() => serverReportsOf('req-record-1'))
      .toEqual([
        expect.objectContaining({
          category: 'server',
          severity: 'high',
          metadata: { route: 'POST /api/v1/errors', requestId: 'req-record-1', sqlstate: '23514' },
        }),
      ]);
    const [report] = await serverReportsOf('req-record-1');
    expect(report?.message).toContain('test_no_boom');
    expect(report?.message).not.toContain('user secret text');
  });
});
