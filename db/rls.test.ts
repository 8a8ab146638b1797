import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pgErrorCode } from './pg-error';
import { queryRows } from './query-rows';
import { afterCommit, withinDeadline, withRls, withServiceRole, type Claims } from './rls';
import { createTestDatabase, type TestDatabase } from './test-database';

// A table owned by this test: the foundation has no user-owned table of its own yet,
// and the helper must be proven on one.
const createNotes = [
  sql`create table public.rls_test_notes (
    id uuid primary key default gen_random_uuid(),
    owner_id uuid not null,
    body text not null
  )`,
  sql`create index rls_test_notes_owner_id_idx on public.rls_test_notes (owner_id)`,
  sql`alter table public.rls_test_notes enable row level security`,
  sql`create policy rls_test_notes_owner on public.rls_test_notes
    for all to authenticated
    using (owner_id = (select auth.uid()))
    with check (owner_id = (select auth.uid()))`,
];

const alice = randomUUID();
const bob = randomUUID();
const claimsFor = (sub: string): Claims => ({ sub, role: 'authenticated', email: `${sub}@x.test` });

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const statement of createNotes) await testDb.db.execute(statement);
  await testDb.db.execute(sql`
    insert into public.rls_test_notes (owner_id, body)
    values (${alice}, 'alice 1'), (${alice}, 'alice 2'), (${bob}, 'bob 1')`);
});

afterAll(() => testDb.close());

const bodies = (rows: Record<string, unknown>[]) => rows.map((row) => row.body as string).sort();

describe('withRls', () => {
  it('shows a user only their own rows', async () => {
    const rows = await withRls(testDb.db, claimsFor(alice), (tx) =>
      queryRows(tx, sql`select body from public.rls_test_notes`),
    );
    expect(bodies(rows)).toEqual(['alice 1', 'alice 2']);
  });

  it('exposes the claims to auth.uid() and auth.jwt()', async () => {
    const [row] = await withRls(testDb.db, claimsFor(bob), (tx) =>
      queryRows(
        tx,
        sql`select auth.uid() as uid, auth.jwt() ->> 'email' as email, current_user as role`,
      ),
    );
    expect(row).toEqual({ uid: bob, email: `${bob}@x.test`, role: 'authenticated' });
  });

  it('refuses an insert forged for another user', async () => {
    const error = await withRls(testDb.db, claimsFor(alice), (tx) =>
      queryRows(
        tx,
        sql`insert into public.rls_test_notes (owner_id, body) values (${bob}, 'forged')`,
      ),
    ).catch((caught: unknown) => caught);
    expect(pgErrorCode(error)).toBe('42501');
    const all = await queryRows(testDb.db, sql`select body from public.rls_test_notes`);
    expect(bodies(all)).not.toContain('forged');
  });

  it('lets anonymous callers see nothing', async () => {
    const rows = await withRls(testDb.db, { role: 'anon' }, (tx) =>
      queryRows(tx, sql`select body from public.rls_test_notes`),
    );
    expect(rows).toHaveLength(0);
  });

  it('refuses a role outside the allowlist', async () => {
    const claims = { role: 'service_role' } as unknown as Claims;
    await expect(withRls(testDb.db, claims, async () => 1)).rejects.toThrow(/not allowed/);
  });

  it('leaves no claims or role behind once the transaction ends', async () => {
    await Promise.all(
      Array.from({ length: 8 }, () => withRls(testDb.db, claimsFor(alice), async () => undefined)),
    );
    // As many concurrent queries as the pool has connections, so every connection
    // that just ran a withRls transaction is checked.
    const rows = await Promise.all(
      Array.from({ length: 8 }, () =>
        queryRows(
          testDb.db,
          sql`select auth.uid() as uid, current_user as role,
                     coalesce(current_setting('request.jwt.claims', true), '') as claims,
                     pg_sleep(0.05)::text as slept`,
        ),
      ),
    );
    for (const [row] of rows) {
      expect(row?.uid).toBeNull();
      expect(row?.role).not.toBe('authenticated');
      expect(row?.claims).toBe('');
    }
  });

  it('passes claims as data, never as SQL', async () => {
    const hostile = claimsFor(alice);
    hostile.email = `'); drop table public.rls_test_notes; --`;
    const rows = await withRls(testDb.db, hostile, (tx) =>
      queryRows(tx, sql`select auth.jwt() ->> 'email' as email`),
    );
    expect(rows[0]?.email).toBe(hostile.email);
    const count = await queryRows(
      testDb.db,
      sql`select count(*)::int as n from public.rls_test_notes`,
    );
    expect(count[0]?.n).toBe(3);
  });
});

describe('withServiceRole', () => {
  it('is the explicit path that sees every row', async () => {
    const rows = await withServiceRole(testDb.db, (tx) =>
      queryRows(tx, sql`select body, current_user as role from public.rls_test_notes`),
    );
    expect(bodies(rows)).toEqual(['alice 1', 'alice 2', 'bob 1']);
    expect(rows[0]?.role).toBe('service_role');
  });
});

describe('afterCommit', () => {
  const countOf = async (body: string) =>
    (await queryRows(testDb.db, sql`select 1 from public.rls_test_notes where body = ${body}`))
      .length;

  it('runs once the commit is visible, before the caller gets the result', async () => {
    const body = `committed-${randomUUID()}`;
    const seen: number[] = [];
    const result = await withRls(testDb.db, claimsFor(alice), async (tx) => {
      await tx.execute(
        sql`insert into public.rls_test_notes (owner_id, body) values (${alice}, ${body})`,
      );
      // Another connection's view: the row exists for it only after the commit.
      afterCommit(tx, async () => seen.push(await countOf(body)));
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([1]);
  });

  it('runs nothing when the transaction rolls back', async () => {
    let ran = false;
    const failing = withServiceRole(testDb.db, async (tx) => {
      afterCommit(tx, () => (ran = true));
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    expect(ran).toBe(false);
  });

  it('refuses a transaction it cannot see the end of', async () => {
    await expect(testDb.db.transaction(async (tx) => afterCommit(tx, () => {}))).rejects.toThrow(
      /withRls or withServiceRole/,
    );
  });
});

describe('the transaction deadline', () => {
  it('answers at the deadline, and the late transaction rolls back instead of committing', async () => {
    const body = `late-${randomUUID()}`;
    let finished!: Promise<unknown>;
    const late = withinDeadline((checkDeadline) => {
      finished = testDb.db.transaction(async (tx) => {
        checkDeadline();
        await tx.execute(
          sql`insert into public.rls_test_notes (owner_id, body) values (${alice}, ${body})`,
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        checkDeadline();
      });
      return finished;
    }, 100);
    await expect(late).rejects.toMatchObject({ code: 'DATABASE_DEADLINE' });
    await finished.catch(() => {});
    const rows = await queryRows(
      testDb.db,
      sql`select 1 from public.rls_test_notes where body = ${body}`,
    );
    expect(rows).toHaveLength(0);
  });
});
