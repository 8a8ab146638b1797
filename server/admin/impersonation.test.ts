import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, userSessions } from '@/db/schema';
import {
  apiKeyOf,
  asNewCaller,
  signedInAdmin,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';

const { api, db } = testApi();

const as = (cookie: string) => ({ cookie, ...asNewCaller() });
const me = async (cookie: string) =>
  (await (await api.rest('/me', { headers: as(cookie) })).json()).data as { id: string };

/** An admin viewing the product as a new user: the browser's cookies after the start. */
async function viewing() {
  const admin = await signedInAdmin(api, db());
  const user = await signedInUser(api, db());
  const started = await api.postJson(
    `/admin/users/${user.userId}/impersonate`,
    {},
    as(admin.cookie),
  );
  expect(started.status).toBe(200);
  return { admin, user, cookie: cookieHeaderFrom(started, admin.cookie) };
}

async function eventsOf(action: string, actorId: string) {
  return withServiceRole(db(), (tx) =>
    tx
      .select({ details: auditLogs.details, resourceId: auditLogs.resourceId })
      .from(auditLogs)
      .where(and(eq(auditLogs.action, action), eq(auditLogs.actorId, actorId)))
      .orderBy(desc(auditLogs.createdAt)),
  );
}

describe('admin impersonation', () => {
  it('shows the product as the user for 30 minutes, audited as the admin', async () => {
    const { admin, user, cookie } = await viewing();
    expect((await me(cookie)).id).toBe(user.userId);
    const [session] = await withServiceRole(db(), (tx) =>
      tx
        .select({
          method: userSessions.method,
          impersonatorId: userSessions.impersonatorId,
          expiresAt: userSessions.expiresAt,
        })
        .from(userSessions)
        .where(and(eq(userSessions.userId, user.userId), eq(userSessions.method, 'impersonation'))),
    );
    expect(session?.impersonatorId).toBe(admin.userId);
    expect(session!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
    expect(await eventsOf('admin.impersonation_started', admin.userId)).toHaveLength(1);

    // What they do meanwhile is the user's, and says which admin did it.
    const renamed = await api.sendJson(
      'PATCH',
      '/me',
      { displayName: 'Seen by support' },
      as(cookie),
    );
    expect(renamed.status).toBe(200);
    const [edit] = await eventsOf('profile.updated', user.userId);
    expect(edit?.details).toMatchObject({ impersonatedBy: admin.userId });
  });

  it("refuses the account's own keys: password, email, passkeys, billing, sessions, API keys", async () => {
    const { cookie } = await viewing();
    const refused = [
      api.postJson(
        '/auth/change-password',
        { currentPassword: TEST_PASSWORD, newPassword: 'a whole new passphrase' },
        as(cookie),
      ),
      api.postJson(
        '/me/email',
        { newEmail: 'new@example.com', currentPassword: TEST_PASSWORD },
        as(cookie),
      ),
      api.postJson('/me/passkeys/options', {}, { ...as(cookie), host: 'localhost' }),
      api.postJson('/billing/portal', {}, as(cookie)),
      api.postJson('/sessions/revoke-others', {}, as(cookie)),
      // A key would outlast the view: a way in as the user, kept by the admin.
      api.postJson('/api-keys', { name: 'kept', scopes: ['profile:read'] }, as(cookie)),
    ];
    for (const answer of await Promise.all(refused)) {
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.message).toContain('While viewing as this user');
    }
  });

  it('stops: the view ends and the admin has their own session back', async () => {
    const { admin, user, cookie } = await viewing();
    const stopped = await api.postJson('/admin/impersonation/stop', {}, as(cookie));
    expect(stopped.status).toBe(200);
    expect((await stopped.json()).data).toEqual({ userId: user.userId, restored: true });
    const after = cookieHeaderFrom(stopped, cookie);
    expect((await me(after)).id).toBe(admin.userId);
    expect(after).not.toContain('lean_impersonator');
    // The view's own cookie no longer signs anyone in.
    const old = await api.rest('/me', { headers: as(cookie) });
    expect(old.status).toBe(401);
    expect(await eventsOf('admin.impersonation_stopped', admin.userId)).toHaveLength(1);
  });

  it("ends an admin's views when they stop being an admin", async () => {
    const { admin, cookie } = await viewing();
    const other = await signedInAdmin(api, db());
    const demoted = await api.sendJson(
      'PUT',
      `/admin/users/${admin.userId}/role`,
      { role: 'user' },
      as(other.cookie),
    );
    expect(demoted.status).toBe(200);
    expect((await api.rest('/me', { headers: as(cookie) })).status).toBe(401);
  });

  it('is for a signed-in admin in a browser, never as another admin or oneself', async () => {
    const admin = await signedInAdmin(api, db());
    const other = await signedInAdmin(api, db());
    const user = await signedInUser(api, db());
    const start = (userId: string, headers: Record<string, string>) =>
      api.postJson(`/admin/users/${userId}/impersonate`, {}, headers);
    expect((await start(user.userId, as(user.cookie))).status).toBe(403);
    expect((await start(other.userId, as(admin.cookie))).status).toBe(403);
    expect((await start(admin.userId, as(admin.cookie))).status).toBe(400);
    const { key } = await apiKeyOf(api, admin, { scopes: ['profile:read'] });
    expect((await start(user.userId, { 'x-api-key': key, ...asNewCaller() })).status).toBe(403);
    // Not stackable: a view cannot open another view.
    const { cookie } = await viewing();
    expect((await start(user.userId, as(cookie))).status).toBe(403);
    // And "stop" means nothing outside a view.
    expect((await api.postJson('/admin/impersonation/stop', {}, as(user.cookie))).status).toBe(400);
  });
});
