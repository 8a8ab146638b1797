import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { describeAuthRlsMatrix } from '@/test/suites/auth-rls-matrix';
import { describeBillingRlsMatrix } from '@/test/suites/billing-rls-matrix';
import { describeOrganizationsRlsMatrix } from '@/test/suites/organizations-rls-matrix';

import { pgErrorCode } from './pg-error';
import { queryRows } from './query-rows';
import { withServiceRole } from './rls';
import { SUPABASE_SHAPE_SQL } from './supabase-shape';
import { createTestDatabase } from './test-database';

// Every migration, unchanged, on a database that already has what a Supabase project
// has; then the RLS matrices on it.
const supabaseShaped = () => createTestDatabase({ beforeMigrations: SUPABASE_SHAPE_SQL });

describe('a Supabase-shaped database', () => {
  it('takes every migration and keeps Supabase’s own objects as they were', async () => {
    const { db, close } = await supabaseShaped();
    try {
      const [owner] = await queryRows<{ users: string; uid: string }>(
        db,
        sql`select (select tableowner from pg_tables where schemaname = 'auth' and tablename = 'users') as users,
                   (select pg_get_userbyid(proowner) from pg_proc where oid = 'auth.uid()'::regprocedure) as uid`,
      );
      expect(owner).toEqual({ users: 'supabase_auth_admin', uid: 'supabase_auth_admin' });
      const [columns] = await queryRows<{ confirmed_at: number }>(
        db,
        sql`select count(*)::int as confirmed_at from information_schema.columns
            where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmed_at'`,
      );
      expect(columns?.confirmed_at).toBe(1);
      // Our profile trigger on Supabase's table works.
      await queryRows(
        db,
        sql`insert into auth.users (id, email) values (gen_random_uuid(), 'shape@x.test')`,
      );
      // The service path cannot read Supabase's auth.users, only our view of it.
      const asService = (query: ReturnType<typeof sql>) =>
        withServiceRole(db, (tx) => queryRows(tx, query)).then(
          (rows) => rows.length,
          (error: unknown) => pgErrorCode(error),
        );
      expect(await asService(sql`select email from auth.users`)).toBe('42501');
      expect(await asService(sql`select email from private.user_accounts`)).toBe(1);
      const [profiles] = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from profiles`,
      );
      expect(profiles?.count).toBe(1);
    } finally {
      await close();
    }
  });
});

describe('on a Supabase-shaped database', () => {
  describeAuthRlsMatrix(supabaseShaped);
  describeBillingRlsMatrix(supabaseShaped);
  describeOrganizationsRlsMatrix(supabaseShaped);
});
