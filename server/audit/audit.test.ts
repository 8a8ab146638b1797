import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { rlsCallers } from '@/test/helpers/rls-callers';

import { parseRetention, pruneAuditLogAsService } from './prune';

const { api, db } = testApi();

type Page = {
  items: { id: string; action: string; createdAt: string }[];
  nextCursor: string | null;
};

async function user(userAgent = 'audit-test') {
  const headers = { ...asNewCaller(), 'user-agent': userAgent };
  const account = await signedInUser(api, db(), { headers });
  const as = { ...headers, cookie: account.cookie };
  const get = async (query = '') => {
    const response = await api.rest(`/audit-logs${query}`, { headers: as });
    return { status: response.status, body: await response.json() };
  };
  return { ...account, headers: as, get };
}

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to every app role, and the trigger to the owner', async () => {
    const { userId } = await user();
    const as = rlsCallers(db, { a: userId, b: randomUUID() });
    for (const who of ['anon', 'a', 'service'] as const) {
      expect(await as(who, sql`update audit_logs set action = 'x'`)).toBe('42501');
      expect(await as(who, sql`delete from audit_logs`)).toBe('42501');
      expect(await as(who, sql`truncate audit_logs`)).toBe('42501');
    }
    // The owning role holds the privileges; the trigger still refuses.
    for (const change of [sql`update audit_logs set action = 'x'`, sql`delete from audit_logs`]) {
      const refused = await queryRows(db(), change).then(
        () => 'changed',
        (error: unknown) => pgErrorCode(error),
      );
      expect(refused).toBe('42501');
    }
  });
});

describe('GET /api/v1/audit-logs', () => {
  it('lists the caller’s own events newest first, filters, and pages with a cursor', async () => {
    const me = await user();
    await user(); // someone else, whose events must not show
    const all = await me.get();
    expect(all.status).toBe(200);
    const actions = (all.body.data as Page).items.map((item) => item.action);
    expect(actions).toEqual(['auth.sign_in', 'auth.email_verified', 'auth.sign_up']);

    const filtered = await me.get('?action=auth.sign_up');
    expect((filtered.body.data as Page).items.map((item) => item.action)).toEqual(['auth.sign_up']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await me.get(`?from=${tomorrow}`)).body.data.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await me.get(`?from=${today}&to=${today}`)).body.data.items).toHaveLength(3);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await me.get(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body.data;
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual((all.body.data as Page).items.map((item) => item.id));
  });

  it('refuses bad input with the field at fault, strangers and keys without audit:read', async () => {
    const me = await user();
    const badRange = await me.get('?from=2026-05-02&to=2026-05-01');
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.details.fields[0].path).toBe('to');
    expect((await me.get('?cursor=garbage')).body.error.details.fields[0].path).toBe('cursor');
    expect((await me.get('?action=DROP%20TABLE')).status).toBe(400);
    expect((await api.rest('/audit-logs', { headers: asNewCaller() })).status).toBe(401);

    const created = await api.postJson(
      '/api-keys',
      { name: 'no audit', scopes: ['profile:read'] },
      me.headers,
    );
    const { key } = (await created.json()).data as { key: string };
    const refused = await api.rest('/audit-logs', {
      headers: { ...asNewCaller(), authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.details.permission).toBe('audit:read');
  });

  it('exports CSV, with formula-like cells neutralised', async () => {
    const me = await user('=HYPERLINK("https://evil.example","click")');
    const exported = await api.rest('/audit-logs/export', { headers: me.headers });
    expect(exported.status).toBe(200);
    const { csv, rows, truncated, filename } = (await exported.json()).data;
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toBe(3);
    expect(truncated).toBe(false);
    const lines = (csv as string).trim().split('\n');
    expect(lines[0]).toBe(
      'createdAt,action,actedBy,success,resourceType,resourceId,ip,userAgent,requestId,details',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe('retention (npm run audit:prune)', () => {
  it('parses retention flags', () => {
    expect(parseRetention('365d')).toBe(365);
    expect(parseRetention('5w')).toBe(35);
    expect(parseRetention('2w')).toBeNull();
    expect(parseRetention('1y')).toBe(365);
    expect(parseRetention('0d')).toBeNull();
    expect(parseRetention('forever')).toBeNull();
  });

  it('deletes only older events, through the service path, and audits itself', async () => {
    const marker = `prune-${randomUUID()}`;
    // Old rows can only be planted by the owning role (the app's roles cannot insert).
    await queryRows(
      db(),
      sql`insert into audit_logs (action, request_id, created_at) values
          ('old.event', ${marker}, now() - interval '400 days'),
          ('old.event', ${marker}, now() - interval '366 days'),
          ('recent.event', ${marker}, now() - interval '10 days')`,
    );
    const as = rlsCallers(db, { a: randomUUID(), b: randomUUID() });
    expect(await as('a', sql`select private.prune_audit_logs('1 day', null)`)).toBe('42501');
    expect(await as('service', sql`select private.prune_audit_logs('7 days', null)`)).toBe('22023');
    // The owner cannot borrow the prune's way past the trigger by setting the cutoff.
    const bypass = await db()
      .transaction(async (tx) => {
        await queryRows(
          tx,
          sql`select set_config('lean_saas.audit_prune_before', 'infinity', true)`,
        );
        await queryRows(tx, sql`delete from audit_logs where request_id = ${marker}`);
      })
      .then(
        () => 'deleted',
        (error: unknown) => pgErrorCode(error),
      );
    expect(bypass).toBe('42501');

    expect(await pruneAuditLogAsService(db(), 365)).toBe(2);
    const left = await withServiceRole(db(), (tx) =>
      queryRows<{ action: string }>(
        tx,
        sql`select action from audit_logs where request_id = ${marker}`,
      ),
    );
    expect(left.map((row) => row.action)).toEqual(['recent.event']);
    const [pruned] = await withServiceRole(db(), (tx) =>
      queryRows<{ details: { deleted: number; olderThan: string } }>(
        tx,
        sql`select details from audit_logs where action = 'audit.pruned' order by created_at desc limit 1`,
      ),
    );
    expect(pruned?.details).toMatchObject({ deleted: 2, olderThan: '365 days' });
  });
});
