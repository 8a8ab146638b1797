import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs } from '@/db/schema';

import {
  apiKeyOf,
  asNewCaller,
  cookieOf,
  lastMailTo,
  newTestEmail,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();
const NEW_PASSWORD = 'a brand new passphrase';

describe('forgot and reset password', () => {
  it('answers the same for known and unknown addresses; only the owner gets a link', async () => {
    const { email, userId } = await signedInUser(api, db());
    const unknown = newTestEmail();
    const known = await api.postJson('/auth/forgot-password', { email }, asNewCaller());
    const other = await api.postJson('/auth/forgot-password', { email: unknown }, asNewCaller());
    expect(known.status).toBe(202);
    expect(other.status).toBe(202);
    expect((await known.json()).data).toEqual((await other.json()).data);
    const { message, link } = await lastMailTo(db(), email);
    expect(message.subject).toBe('Reset your password');
    expect(link.pathname).toBe('/reset-password');
    await expect(lastMailTo(db(), unknown)).rejects.toThrow(/no mail/);
    const audited = await withServiceRole(db(), (tx) =>
      tx.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.actorId, userId)),
    );
    expect(audited.map((row) => row.action)).toContain('auth.password_reset_requested');
  });

  it('resets once, ends every session, and the new password is the only one', async () => {
    const { email, cookie } = await signedInUser(api, db());
    await api.postJson('/auth/forgot-password', { email: email.toUpperCase() }, asNewCaller());
    const { token } = await lastMailTo(db(), email);

    const weak = await api.postJson(
      '/auth/reset-password',
      { token, newPassword: 'password' },
      asNewCaller(),
    );
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.details.fields[0].path).toBe('newPassword');

    const reset = () =>
      api.postJson('/auth/reset-password', { token, newPassword: NEW_PASSWORD }, asNewCaller());
    expect((await reset()).status).toBe(200);
    expect((await reset()).status).toBe(404);

    expect((await api.rest('/me', { headers: { cookie, ...asNewCaller() } })).status).toBe(401);
    const signIn = (password: string) =>
      api.postJson('/auth/sign-in', { email, password }, asNewCaller());
    expect((await signIn(TEST_PASSWORD)).status).toBe(401);
    const fresh = await signIn(NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect(cookieOf(fresh)).toMatch(/^lean_session=/);
  });

  it('a reset link also confirms an address that was never confirmed', async () => {
    const email = newTestEmail();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, asNewCaller());
    await api.postJson('/auth/forgot-password', { email }, asNewCaller());
    const { token } = await lastMailTo(db(), email);
    await api.postJson('/auth/reset-password', { token, newPassword: NEW_PASSWORD }, asNewCaller());
    const signIn = await api.postJson(
      '/auth/sign-in',
      { email, password: NEW_PASSWORD },
      asNewCaller(),
    );
    expect(signIn.status).toBe(200);
  });

  it('refuses a malformed token with the field named, an unknown one with 404', async () => {
    const malformed = await api.postJson(
      '/auth/reset-password',
      { token: 'nope', newPassword: NEW_PASSWORD },
      asNewCaller(),
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.fields[0].path).toBe('token');
    const unknown = await api.postJson(
      '/auth/reset-password',
      { token: 'B'.repeat(43), newPassword: NEW_PASSWORD },
      asNewCaller(),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('API keys after a reset', () => {
  async function userWithKey() {
    const user = await signedInUser(api, db());
    const { key, id } = await apiKeyOf(api, user, { name: 'CI' });
    const keyWorks = async () =>
      (await api.rest('/me', { headers: { 'x-api-key': key, ...asNewCaller() } })).status;
    // Used once, so it sits in the key cache: the reset must drop it from there too.
    expect(await keyWorks()).toBe(200);
    return { ...user, keyId: id, keyWorks };
  }

  async function resetWith(email: string, options: { revokeApiKeys?: boolean }) {
    await api.postJson('/auth/forgot-password', { email }, asNewCaller());
    const { token } = await lastMailTo(db(), email);
    const reset = await api.postJson(
      '/auth/reset-password',
      { token, newPassword: NEW_PASSWORD, ...options },
      asNewCaller(),
    );
    expect(reset.status).toBe(200);
  }

  it('revokes them by default, and audits each', async () => {
    const { email, userId, keyId, keyWorks } = await userWithKey();
    await resetWith(email, {});
    expect(await keyWorks()).toBe(401);
    const [audited] = await withServiceRole(db(), (tx) =>
      tx
        .select({ actorId: auditLogs.actorId, details: auditLogs.details })
        .from(auditLogs)
        .where(and(eq(auditLogs.action, 'api_key.revoked'), eq(auditLogs.resourceId, keyId))),
    );
    expect(audited).toMatchObject({ actorId: userId, details: { reason: 'password reset' } });
  });

  it('keeps them when the owner declines', async () => {
    const { email, keyWorks } = await userWithKey();
    await resetWith(email, { revokeApiKeys: false });
    expect(await keyWorks()).toBe(200);
  });

  it('keeps them across a password change', async () => {
    const { cookie, password, keyWorks } = await userWithKey();
    const changed = await api.postJson(
      '/auth/change-password',
      { currentPassword: password, newPassword: NEW_PASSWORD },
      { cookie, ...asNewCaller() },
    );
    expect(changed.status).toBe(200);
    expect(await keyWorks()).toBe(200);
  });
});
