import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { idsOf, rlsCallers, seedAccounts } from '@/test/helpers/rls-callers';

// The passkey tables' RLS matrix: anonymous / user A / user B / service role, run
// against the real policies and column privileges.
let testDb: TestDatabase;
const a = randomUUID();
const b = randomUUID();
const passkeyOf = { [a]: randomUUID(), [b]: randomUUID() };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedAccounts(testDb.db, [a, b]);
  await withServiceRole(testDb.db, async (tx) => {
    for (const id of [a, b]) {
      await tx.execute(sql`insert into passkeys (id, user_id, credential_id, public_key, name)
                         values (${passkeyOf[id]!}, ${id}, ${`cred-${id}`}, '\\x01', 'Laptop')`);
    }
    await tx.execute(sql`insert into passkey_challenges (challenge, purpose, expires_at)
                       values ('c', 'sign_in', now() + interval '1 minute')`);
  });
});
afterAll(() => testDb.close());

const as = rlsCallers(() => testDb.db, { a, b });

describe('passkeys', () => {
  it('select: own passkeys only', async () => {
    expect(idsOf(await as('anon', sql`select id from passkeys`))).toEqual([]);
    expect(idsOf(await as('a', sql`select id from passkeys`))).toEqual([passkeyOf[a]]);
    expect(idsOf(await as('b', sql`select id from passkeys`))).toEqual([passkeyOf[b]]);
  });

  it('update: the name of one of their own, nothing else', async () => {
    const rename = (id: string) =>
      sql`update passkeys set name = 'Phone' where id = ${id} returning id`;
    expect(idsOf(await as('a', rename(passkeyOf[a]!)))).toEqual([passkeyOf[a]]);
    expect(idsOf(await as('a', rename(passkeyOf[b]!)))).toEqual([]);
    for (const change of [
      sql`update passkeys set public_key = '\\x02' where id = ${passkeyOf[a]!}`,
      sql`update passkeys set counter = 0 where id = ${passkeyOf[a]!}`,
      sql`update passkeys set user_id = ${b} where id = ${passkeyOf[a]!}`,
    ]) {
      expect(await as('a', change)).toBe('42501');
    }
  });

  it('insert: never by the API roles; delete: own only', async () => {
    const forged = sql`insert into passkeys (user_id, credential_id, public_key, name)
                       values (${a}, 'forged', '\\x01', 'Mine')`;
    expect(await as('a', forged)).toBe('42501');
    expect(await as('anon', forged)).toBe('42501');
    const remove = (id: string) => sql`delete from passkeys where id = ${id} returning id`;
    expect(idsOf(await as('a', remove(passkeyOf[b]!)))).toEqual([]);
    expect(await as('anon', remove(passkeyOf[b]!))).toBe('42501');
    expect(idsOf(await as('b', remove(passkeyOf[b]!)))).toEqual([passkeyOf[b]]);
  });

  it('challenges are the service path’s only; TRUNCATE is nobody’s', async () => {
    for (const who of ['anon', 'a'] as const) {
      expect(await as(who, sql`select * from passkey_challenges`)).toBe('42501');
      expect(await as(who, sql`delete from passkey_challenges`)).toBe('42501');
      for (const table of ['passkeys', 'passkey_challenges']) {
        expect(await as(who, sql.raw(`truncate ${table}`))).toBe('42501');
      }
    }
    expect(await as('service', sql`select challenge from passkey_challenges`)).toEqual([
      { challenge: 'c' },
    ]);
  });
});
