import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { TestDatabase } from '@/db/test-database';
import {
  idsOf,
  rlsCallers,
  seedAccounts,
  type Caller,
  type QueryOutcome,
} from '@/test/helpers/rls-callers';

/** The auth tables' RLS matrix, on the database `openDatabase` gives (also a Supabase-shaped one). */
export function describeAuthRlsMatrix(openDatabase: () => Promise<TestDatabase>) {
  // The RLS matrix for the auth tables: anonymous / user A / user B / service role ×
  // select / insert / update / delete, run against the real policies and privileges.
  let testDb: TestDatabase;
  const a = randomUUID();
  const b = randomUUID();
  const sessionOf = { [a]: randomUUID(), [b]: randomUUID() };
  const identityOf = { [a]: randomUUID(), [b]: randomUUID() };

  beforeAll(async () => {
    testDb = await openDatabase();
    await seedAccounts(testDb.db, [a, b]);
    await withServiceRole(testDb.db, async (tx) => {
      for (const id of [a, b]) {
        await tx.execute(sql`insert into user_sessions (id, user_id, token_hash, expires_at)
                           values (${sessionOf[id]!}, ${id}, ${`hash-${id}`}, now() + interval '1 day')`);
        await tx.execute(
          sql`select private.record_audit_event(${id}::uuid, 'seed', null, null, null, true, null, null, null)`,
        );
        await tx.execute(sql`insert into user_identities (id, user_id, provider, provider_user_id)
                           values (${identityOf[id]!}, ${id}, 'github', ${`gh-${id}`})`);
      }
    });
  });
  afterAll(() => testDb.close());

  const as = rlsCallers(() => testDb.db, { a, b });
  const ids = (result: QueryOutcome) => idsOf(result);

  describe('profiles', () => {
    it('select: own row only; service sees all', async () => {
      expect(ids(await as('anon', sql`select id from profiles`))).toEqual([]);
      expect(ids(await as('a', sql`select id from profiles`))).toEqual([a]);
      expect(ids(await as('b', sql`select id from profiles`))).toEqual([b]);
      expect(ids(await as('service', sql`select id from profiles`))).toEqual([a, b].sort());
    });

    it('update: own name and language only, never role, never another row', async () => {
      expect(
        ids(
          await as('a', sql`update profiles set display_name = 'A' where id = ${a} returning id`),
        ),
      ).toEqual([a]);
      expect(
        ids(
          await as('a', sql`update profiles set display_name = 'x' where id = ${b} returning id`),
        ),
      ).toEqual([]);
      expect(
        ids(await as('a', sql`update profiles set locale = 'de' where id = ${a} returning id`)),
      ).toEqual([a]);
      expect(
        ids(await as('a', sql`update profiles set locale = 'de' where id = ${b} returning id`)),
      ).toEqual([]);
      // Shaped like a language tag, or nothing.
      expect(await as('a', sql`update profiles set locale = 'deutsch' where id = ${a}`)).toBe(
        '23514',
      );
      expect(await as('a', sql`update profiles set role = 'admin' where id = ${a}`)).toBe('42501');
      expect(await as('anon', sql`update profiles set display_name = 'x' returning id`)).toBe(
        '42501',
      );
    });

    it('insert and delete: nobody but the service role', async () => {
      for (const who of ['anon', 'a'] as const) {
        expect(await as(who, sql`insert into profiles (id) values (${randomUUID()})`)).toBe(
          '42501',
        );
        expect(await as(who, sql`delete from profiles where id = ${a}`)).toBe('42501');
      }
    });
  });

  describe('user_sessions', () => {
    it('select: own sessions only', async () => {
      expect(ids(await as('anon', sql`select id from user_sessions`))).toEqual([]);
      expect(ids(await as('a', sql`select id from user_sessions`))).toEqual([sessionOf[a]]);
      expect(ids(await as('b', sql`select id from user_sessions`))).toEqual([sessionOf[b]]);
    });

    it('update: revoke own only; token hash and sign-in method are not writable', async () => {
      expect(
        ids(
          await as(
            'b',
            sql`update user_sessions set revoked_at = now() where id = ${sessionOf[a]!} returning id`,
          ),
        ),
      ).toEqual([]);
      expect(
        await as('a', sql`update user_sessions set token_hash = 'x' where id = ${sessionOf[a]!}`),
      ).toBe('42501');
      // How a session was proven is the server's record (a second factor will rely on it).
      expect(
        await as(
          'a',
          sql`update user_sessions set method = 'email-link' where id = ${sessionOf[a]!}`,
        ),
      ).toBe('42501');
      expect(
        await as(
          'a',
          sql`insert into user_sessions (user_id, token_hash, expires_at) values (${a}, 'forged', now())`,
        ),
      ).toBe('42501');
      expect(await as('a', sql`delete from user_sessions where id = ${sessionOf[a]!}`)).toBe(
        '42501',
      );
    });
  });

  describe('user_identities', () => {
    it('select: own identities only; service sees all', async () => {
      expect(ids(await as('anon', sql`select id from user_identities`))).toEqual([]);
      expect(ids(await as('a', sql`select id from user_identities`))).toEqual([identityOf[a]]);
      expect(ids(await as('b', sql`select id from user_identities`))).toEqual([identityOf[b]]);
    });

    it('insert and update: nobody but the service role (a link is the provider’s word)', async () => {
      expect(
        await as(
          'a',
          sql`insert into user_identities (user_id, provider, provider_user_id) values (${a}, 'google', 'forged')`,
        ),
      ).toBe('42501');
      expect(
        await as('a', sql`update user_identities set user_id = ${a} where id = ${identityOf[b]!}`),
      ).toBe('42501');
      expect(await as('anon', sql`delete from user_identities`)).toBe('42501');
    });

    it('delete: own only', async () => {
      expect(
        ids(
          await as('a', sql`delete from user_identities where id = ${identityOf[b]!} returning id`),
        ),
      ).toEqual([]);
      expect(
        ids(
          await as('a', sql`delete from user_identities where id = ${identityOf[a]!} returning id`),
        ),
      ).toEqual([identityOf[a]]);
    });
  });

  describe('session revocation', () => {
    it('lets a user end a live session of theirs, never bring it back', async () => {
      const revoked = await as(
        'a',
        sql`update user_sessions set revoked_at = now() where id = ${sessionOf[a]!} returning id`,
      );
      expect(ids(revoked)).toEqual([sessionOf[a]]);
      const revived = await as(
        'a',
        sql`update user_sessions set revoked_at = null where id = ${sessionOf[a]!} returning id`,
      );
      expect(typeof revived === 'string' ? revived : ids(revived)).toEqual([]);
      const [row] = await withServiceRole(testDb.db, (tx) =>
        queryRows(tx, sql`select revoked_at from user_sessions where id = ${sessionOf[a]!}`),
      );
      expect(row?.revoked_at).not.toBeNull();
    });
  });

  describe('TRUNCATE, which RLS would not stop', () => {
    it('is refused to the API roles on every table', async () => {
      for (const table of [
        'profiles',
        'user_sessions',
        'audit_logs',
        'error_reports',
        'email_tokens',
        'email_outbox',
        'api_keys',
      ]) {
        for (const who of ['anon', 'a'] as const) {
          expect(await as(who, sql.raw(`truncate ${table}`))).toBe('42501');
        }
      }
    });
  });

  describe('audit_logs', () => {
    it('select: own events only', async () => {
      const actors = async (who: Caller) => {
        const rows = await as(who, sql`select actor_id as id from audit_logs`);
        return ids(rows);
      };
      expect(await actors('anon')).toEqual([]);
      expect(await actors('a')).toEqual([a]);
      expect(await actors('b')).toEqual([b]);
    });

    it('insert: never directly; through the function, only events about oneself', async () => {
      const record = (actor: string | null) =>
        sql`select private.record_audit_event(${actor}::uuid, 'x', null, null, null, true, null, null, null)`;
      expect(await as('a', sql`insert into audit_logs (actor_id, action) values (${a}, 'x')`)).toBe(
        '42501',
      );
      expect(await as('a', record(a))).toHaveLength(1);
      expect(await as('a', record(b))).toBe('42501');
      expect(await as('a', record(null))).toBe('42501');
      expect(await as('anon', record(null))).toBe('42501');
      expect(await as('service', record(null))).toHaveLength(1);
      expect(await as('service', sql`insert into audit_logs (action) values ('direct')`)).toBe(
        '42501',
      );
      // Claims are only what the app says; a session that forges them is still refused.
      const forged = sql`select set_config('request.jwt.claims', '{"role":"service_role","sub":null}', true),
                              private.record_audit_event(${b}::uuid, 'x', null, null, null, true, null, null, null)`;
      expect(await as('a', forged)).toBe('42501');
      const mine = await as('a', sql`select action from audit_logs where action = 'x'`);
      expect(mine).toEqual([{ action: 'x' }]);
    });

    it('is append-only for every role, the service role and the owner included', async () => {
      for (const who of ['a', 'service'] as const) {
        expect(await as(who, sql`update audit_logs set action = 'changed'`)).toBe('42501');
        expect(await as(who, sql`delete from audit_logs`)).toBe('42501');
      }
      const owner = await testDb.db
        .execute(sql`delete from audit_logs`)
        .catch((error: unknown) => pgErrorCode(error));
      expect(owner).toBe('42501');
      const truncate = await testDb.db
        .execute(sql`truncate audit_logs`)
        .catch((error: unknown) => pgErrorCode(error));
      expect(truncate).toBe('42501');
    });
  });

  describe('email_tokens and email_outbox: the service path only', () => {
    it('are invisible and unwritable to the API roles', async () => {
      for (const table of ['email_tokens', 'email_outbox']) {
        for (const who of ['anon', 'a'] as const) {
          expect(await as(who, sql.raw(`select * from ${table}`))).toEqual([]);
          expect(await as(who, sql.raw(`delete from ${table} returning 1`))).toEqual([]);
        }
      }
    });
  });

  describe('api_keys', () => {
    it('owners see and revoke their own keys only, and change nothing else', async () => {
      const hash = `hash-${randomUUID()}`;
      const created = await as(
        'a',
        sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
          values (${a}, private.personal_organization_id(), 'k', ${hash}, 'sk_test_abcd',
            array['profile:read']) returning id`,
      );
      const id = (created as { id: string }[])[0]!.id;
      expect(
        await as(
          'a',
          sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
            values (${b}, private.personal_organization_id(), 'k', ${`${hash}-b`}, 'sk_test_abcd',
              array['profile:read'])`,
        ),
      ).toBe('42501');
      expect(ids(await as('b', sql`select id from api_keys where id = ${id}`))).toEqual([]);
      expect(
        await as('b', sql`update api_keys set revoked_at = now() where id = ${id} returning id`),
      ).toEqual([]);
      expect(await as('a', sql`update api_keys set scopes = array['admin'] where id = ${id}`)).toBe(
        '42501',
      );
      expect(await as('a', sql`delete from api_keys where id = ${id}`)).toBe('42501');
      expect(
        ids(
          await as('a', sql`update api_keys set revoked_at = now() where id = ${id} returning id`),
        ),
      ).toEqual([id]);
    });
  });
}
