import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { auditLogs, billingAccounts } from '@/db/schema';
import { grantAdminAsService } from '@/server/auth/grant-admin';
import {
  asNewCaller,
  newTestEmail,
  personalWorkspaceOf,
  signedInUser,
  TEST_PASSWORD,
  cookieOf,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();

type Account = Awaited<ReturnType<typeof signedInUser>> & { headers: Record<string, string> };

async function account(email = newTestEmail()): Promise<Account> {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { email, headers });
  return { ...user, headers: { ...headers, cookie: user.cookie } };
}

/** An admin, signed in again after the grant (which ends their sessions). */
async function admin(): Promise<Account> {
  const user = await account();
  expect(await grantAdminAsService(db(), user.email)).toBe(true);
  const headers = asNewCaller();
  const signIn = await api.postJson(
    '/auth/sign-in',
    { email: user.email, password: TEST_PASSWORD },
    headers,
  );
  return { ...user, headers: { ...headers, cookie: cookieOf(signIn) } };
}

const json = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
});

const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/admin/users'],
  ['GET', `/admin/users/${randomUUID()}`],
  ['DELETE', `/admin/users/${randomUUID()}/sessions/${randomUUID()}`],
  ['DELETE', `/admin/users/${randomUUID()}/api-keys/${randomUUID()}`],
  ['PUT', `/admin/users/${randomUUID()}/role`, { role: 'admin' }],
  ['GET', '/admin/system'],
  ['GET', '/admin/error-reports'],
  ['GET', `/admin/error-reports/${randomUUID()}`],
  ['POST', `/admin/error-reports/${randomUUID()}/resolve`, {}],
  ['GET', '/admin/compliance?from=2026-01-01&to=2026-01-31'],
];

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  body === undefined
    ? api.rest(path, { method, headers })
    : api.sendJson(method, path, body, headers);

let boss: Account;
beforeAll(async () => {
  boss = await admin();
});

describe('the admin area', () => {
  it('refuses every procedure to non-admins (403) and to anonymous callers (401)', async () => {
    const user = await account();
    for (const [method, path, body] of ADMIN_ROUTES) {
      const refused = await call(method, path, user.headers, body);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect((await refused.json()).error.details.permission).toBe('admin');
      expect((await call(method, path, asNewCaller(), body)).status, `${method} ${path}`).toBe(401);
    }
  });

  it('finds users by part of the email (wildcards literal), plan and subscription state', async () => {
    const tag = randomUUID().slice(0, 8);
    const paying = await account(`paying_${tag}@example.com`);
    await account(`free-${tag}@example.com`);
    const organizationId = await personalWorkspaceOf(db(), paying.userId);
    await withServiceRole(db(), async (tx) => {
      await tx
        .insert(billingAccounts)
        .values({ organizationId, stripeCustomerId: `cus_${tag}`, plan: 'pro' });
      await tx.execute(sql`insert into subscriptions (id, organization_id, stripe_customer_id, status, price_id, plan, created_at)
                           values (${`sub_${tag}`}, ${organizationId}, ${`cus_${tag}`}, 'past_due', 'price_pro_monthly', 'pro', now())`);
    });
    const search = async (query: string) =>
      (await json(await api.rest(`/admin/users?${query}`, { headers: boss.headers }))).body.data;

    expect((await search(`email=${tag}`)).items).toHaveLength(2);
    // "_" is a LIKE wildcard; typed by an admin it means an underscore.
    expect((await search(`email=paying_${tag}`)).items.map((u: { id: string }) => u.id)).toEqual([
      paying.userId,
    ]);
    expect((await search(`email=paying%25${tag}`)).items).toEqual([]);
    const pro = await search(`email=${tag}&plan=pro`);
    expect(pro.items).toMatchObject([
      { id: paying.userId, plan: 'pro', subscriptionStatus: 'past_due' },
    ]);
    expect((await search(`email=${tag}&status=past_due`)).items).toHaveLength(1);

    const first = await search(`email=${tag}&limit=1`);
    const second = await search(`email=${tag}&limit=1&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((u: { id: string }) => u.id).sort()).toHaveLength(
      2,
    );
    expect(second.nextCursor).toBeNull();
  });

  it('shows a user in full, API keys by prefix only', async () => {
    const user = await account();
    const created = await json(
      await api.postJson('/api-keys', { name: 'ci', scopes: ['profile:read'] }, user.headers),
    );
    const detail = await json(
      await api.rest(`/admin/users/${user.userId}`, { headers: boss.headers }),
    );
    expect(detail.status).toBe(200);
    expect(detail.body.data.user).toMatchObject({
      id: user.userId,
      email: user.email,
      plan: 'free',
    });
    expect(detail.body.data.apiKeys).toMatchObject([{ name: 'ci', status: 'active' }]);
    expect(JSON.stringify(detail.body)).not.toContain(created.body.data.key);
    expect(JSON.stringify(detail.body)).not.toMatch(/keyHash|tokenHash|key_hash/);
    expect(detail.body.data.sessions.length).toBeGreaterThan(0);
    expect(
      detail.body.data.recentEvents.map((event: { action: string }) => event.action),
    ).toContain('api_key.created');
    expect((await api.rest(`/admin/users/${randomUUID()}`, { headers: boss.headers })).status).toBe(
      404,
    );
  });

  it('revokes a key and a session (both stop working at once) and changes roles, audited as the admin', async () => {
    const user = await account();
    const created = await json(
      await api.postJson('/api-keys', { name: 'victim', scopes: ['profile:read'] }, user.headers),
    );
    const keyHeaders = { ...asNewCaller(), authorization: `Bearer ${created.body.data.key}` };
    expect((await api.rest('/me', { headers: keyHeaders })).status).toBe(200);
    const revokeKey = await api.rest(
      `/admin/users/${user.userId}/api-keys/${created.body.data.apiKey.id}`,
      {
        method: 'DELETE',
        headers: boss.headers,
      },
    );
    expect(revokeKey.status).toBe(200);
    expect((await api.rest('/me', { headers: keyHeaders })).status).toBe(401);
    // The user sees it in their own log: that someone else did it, not from where.
    const told = await json(
      await api.rest('/audit-logs?action=admin.api_key_revoked', { headers: user.headers }),
    );
    expect(told.body.data.items).toMatchObject([
      { action: 'admin.api_key_revoked', actedBy: 'someone else', ip: null, userAgent: null },
    ]);

    const detail = (
      await json(await api.rest(`/admin/users/${user.userId}`, { headers: boss.headers }))
    ).body.data;
    const session = detail.sessions.find((s: { active: boolean }) => s.active);
    const revokeSession = await api.rest(`/admin/users/${user.userId}/sessions/${session.id}`, {
      method: 'DELETE',
      headers: boss.headers,
    });
    expect(revokeSession.status).toBe(200);
    expect((await api.rest('/me', { headers: user.headers })).status).toBe(401);
    expect(
      (
        await api.rest(`/admin/users/${user.userId}/sessions/${session.id}`, {
          method: 'DELETE',
          headers: boss.headers,
        })
      ).status,
    ).toBe(404);

    const promote = await api.sendJson(
      'PUT',
      `/admin/users/${user.userId}/role`,
      { role: 'admin' },
      boss.headers,
    );
    expect(promote.status).toBe(200);
    const self = await api.sendJson(
      'PUT',
      `/admin/users/${boss.userId}/role`,
      { role: 'user' },
      boss.headers,
    );
    expect(self.status).toBe(409);
    const bad = await api.sendJson(
      'PUT',
      `/admin/users/${user.userId}/role`,
      { role: 'owner' },
      boss.headers,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe('role');

    // An admin's API key (even with the admin scope) cannot change roles.
    const adminKey = await json(
      await api.postJson('/api-keys', { name: 'ops', scopes: ['admin'] }, boss.headers),
    );
    const byKey = await api.sendJson(
      'PUT',
      `/admin/users/${user.userId}/role`,
      { role: 'user' },
      { ...asNewCaller(), authorization: `Bearer ${adminKey.body.data.key}` },
    );
    expect(byKey.status).toBe(403);

    const audited = await withServiceRole(db(), (tx) =>
      tx
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.actorId, boss.userId)),
    );
    expect(audited.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'admin.api_key_revoked',
        'admin.session_revoked',
        'admin.role_changed',
      ]),
    );
  });

  it('a role change shows in the user’s /me at once, though /me is cached', async () => {
    const user = await account();
    const roleOf = async () =>
      (await json(await api.rest('/me', { headers: user.headers }))).body.data.role;
    expect(await roleOf()).toBe('user');
    expect(await roleOf()).toBe('user'); // now from the cache
    await api.sendJson('PUT', `/admin/users/${user.userId}/role`, { role: 'admin' }, boss.headers);
    expect(await roleOf()).toBe('admin');
  });

  it('lists, shows and resolves error reports', async () => {
    const message = `Checkout exploded ${randomUUID()}`;
    await api.postJson(
      '/errors',
      { message, severity: 'high', category: 'ui.checkout' },
      asNewCaller(),
    );
    const open = await json(
      await api.rest('/admin/error-reports?state=open', { headers: boss.headers }),
    );
    const report = open.body.data.find((r: { message: string }) => r.message === message);
    expect(report).toMatchObject({ count: 1, severity: 'high', resolvedAt: null });
    const shown = await json(
      await api.rest(`/admin/error-reports/${report.id}`, { headers: boss.headers }),
    );
    expect(shown.body.data.fingerprint).toBe(report.fingerprint);
    const resolved = await api.postJson(
      `/admin/error-reports/${report.id}/resolve`,
      {},
      boss.headers,
    );
    expect(resolved.status).toBe(200);
    const stillOpen = await json(
      await api.rest('/admin/error-reports?state=open', { headers: boss.headers }),
    );
    expect(stillOpen.body.data.map((r: { id: string }) => r.id)).not.toContain(report.id);
  });

  it('reports events and distinct users per action for a date range', async () => {
    const [u1, u2] = [randomUUID(), randomUUID()];
    await queryRows(
      db(),
      sql`insert into audit_logs (actor_id, action, created_at) values
          (${u1}, 'compliance.login', '2020-03-01T10:00:00Z'),
          (${u1}, 'compliance.login', '2020-03-02T10:00:00Z'),
          (${u2}, 'compliance.login', '2020-03-31T23:59:00Z'),
          (${u2}, 'compliance.export', '2020-03-15T10:00:00Z'),
          (${u1}, 'compliance.login', '2020-04-01T00:00:00Z'),
          (${u1}, 'compliance.login', '2020-02-29T23:59:59Z')`,
    );
    const report = await json(
      await api.rest('/admin/compliance?from=2020-03-01&to=2020-03-31', { headers: boss.headers }),
    );
    expect(report.status).toBe(200);
    expect(report.body.data.rows).toEqual([
      { action: 'compliance.login', events: 3, users: 2 },
      { action: 'compliance.export', events: 1, users: 1 },
    ]);
    expect(report.body.data.csv).toBe(
      'action,events,users\ncompliance.login,3,2\ncompliance.export,1,1\n',
    );
    const backwards = await api.rest('/admin/compliance?from=2020-03-31&to=2020-03-01', {
      headers: boss.headers,
    });
    expect((await backwards.json()).error.details.fields[0].path).toBe('to');
  });

  it('gives the system overview with business counts', async () => {
    const overview = await json(await api.rest('/admin/system', { headers: boss.headers }));
    expect(overview.status).toBe(200);
    expect(overview.body.data.health.checks.database.status).toBe('ok');
    expect(overview.body.data.business.users).toBeGreaterThanOrEqual(2);
    expect(overview.body.data.business.activeSubscriptionsByPlan).toEqual(
      expect.arrayContaining([{ plan: 'pro', subscriptions: 1 }]),
    );
    expect(Array.isArray(overview.body.data.metrics.routes)).toBe(true);
  });
});
