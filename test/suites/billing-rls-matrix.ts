import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import type { TestDatabase } from '@/db/test-database';
import { idsOf, rlsCallers, seedAccounts } from '@/test/helpers/rls-callers';

/** The billing tables' RLS matrix, on the database `openDatabase` gives (also a Supabase-shaped one). */
export function describeBillingRlsMatrix(openDatabase: () => Promise<TestDatabase>) {
  // The RLS matrix of the billing tables: owners read their own rows; nothing but the
  // service path writes, and stripe_events is the service path's alone.
  let testDb: TestDatabase;
  const a = randomUUID();
  const b = randomUUID();
  const as = rlsCallers(() => testDb.db, { a, b });

  beforeAll(async () => {
    testDb = await openDatabase();
    await seedAccounts(testDb.db, [a, b]);
    await withServiceRole(testDb.db, async (tx) => {
      for (const id of [a, b]) {
        await tx.execute(sql`insert into billing_accounts (user_id, stripe_customer_id, plan)
                           values (${id}, ${`cus_${id}`}, 'pro')`);
        await tx.execute(sql`insert into subscriptions (id, user_id, stripe_customer_id, status, price_id, plan, created_at)
                           values (${`sub_${id}`}, ${id}, ${`cus_${id}`}, 'active', 'price_pro_monthly', 'pro', now())`);
      }
      await tx.execute(
        sql`insert into stripe_events (id, type) values ('evt_seed', 'invoice.paid')`,
      );
    });
  });
  afterAll(() => testDb.close());

  describe.each([
    { table: 'billing_accounts', key: 'user_id', own: (id: string) => id },
    { table: 'subscriptions', key: 'id', own: (id: string) => `sub_${id}` },
  ])('$table', ({ table, key, own }) => {
    const select = sql.raw(`select ${key} from ${table}`);

    it('select: own row only; service sees all; anonymous not at all', async () => {
      expect(await as('anon', select)).toBe('42501');
      expect(idsOf(await as('a', select), key)).toEqual([own(a)]);
      expect(idsOf(await as('b', select), key)).toEqual([own(b)]);
      expect(idsOf(await as('service', select), key)).toEqual([own(a), own(b)].sort());
    });

    it('insert, update, delete: refused to every API role, even on their own row', async () => {
      for (const who of ['anon', 'a'] as const) {
        expect(await as(who, sql.raw(`update ${table} set plan = 'enterprise'`))).toBe('42501');
        expect(await as(who, sql.raw(`delete from ${table}`))).toBe('42501');
        expect(await as(who, sql.raw(`truncate ${table}`))).toBe('42501');
      }
      expect(
        await as(
          'a',
          sql`insert into billing_accounts (user_id, stripe_customer_id) values (${a}, 'cus_x')`,
        ),
      ).toBe('42501');
    });
  });

  describe('stripe_events', () => {
    it('is invisible and unwritable to the API roles', async () => {
      for (const who of ['anon', 'a'] as const) {
        expect(await as(who, sql`select id from stripe_events`)).toBe('42501');
        expect(await as(who, sql`insert into stripe_events (id, type) values ('evt_x', 'x')`)).toBe(
          '42501',
        );
      }
      expect(idsOf(await as('service', sql`select id from stripe_events`))).toEqual(['evt_seed']);
    });
  });
}
