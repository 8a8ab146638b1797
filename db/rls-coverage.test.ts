import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
});
