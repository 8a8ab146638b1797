import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pgErrorCode } from './pg-error';
import { queryRows } from './query-rows';
import { withRls } from './rls';
import { tablesWithoutRls } from './rls-coverage';
import { createTestDatabase, type TestDatabase } from './test-database';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

describe('row level security coverage', () => {
  it('is enabled on every table in public after all migrations', async () => {
    expect(await tablesWithoutRls(testDb.db)).toEqual([]);
  });

  it('would name a table that lacks it', async () => {
    await testDb.db.execute(sql`create table public.rls_coverage_probe (id int primary key)`);
    expect(await tablesWithoutRls(testDb.db)).toEqual(['rls_coverage_probe']);
    await testDb.db.execute(sql`alter table public.rls_coverage_probe enable row level security`);
    expect(await tablesWithoutRls(testDb.db)).toEqual([]);
  });

  it('gives the API roles no access to service-only tables', async () => {
    for (const claims of [
      { role: 'anon' as const },
      { role: 'authenticated' as const, sub: randomUUID() },
    ]) {
      await testDb.db.execute(
        sql`insert into error_reports (fingerprint, source, severity, category, message)
            values (${`probe-${claims.role}`}, 'server', 'low', 'x', 'hidden')`,
      );
      const seen = await withRls(testDb.db, claims, (tx) =>
        queryRows(tx, sql`select * from error_reports`),
      );
      expect(seen).toEqual([]);
      const insert = await withRls(testDb.db, claims, (tx) =>
        tx.execute(sql`insert into error_reports (fingerprint, source, severity, category, message)
                       values ('forged', 'client', 'low', 'x', 'y')`),
      ).catch((error: unknown) => error);
      expect(pgErrorCode(insert)).toBe('42501');
    }
  });
});
