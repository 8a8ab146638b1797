import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, twoFactorFactors, userSessions } from '@/db/schema';
import { forgetSessionsOf } from '@/server/auth/session-cache';
import {
  assertAdminSecondFactor,
  requireRecentSecondFactor,
  type Identity,
} from '@/server/identity';
import { NAMED_LIMITS } from '@/server/platform/infra/rate-limit/config';
import {
  apiKeyOf,
  asNewCaller,
  cookieOf,
  lastMailTo,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { dashboardCall, enrolledUser } from '@/test/helpers/two-factor';

import { openSecret } from './secret-box';

const { api, db } = testApi();

const as = (cookie: string, headers = asNewCaller()) => ({ cookie, ...headers });
const me = (cookie: string) => api.rest('/me', { headers: as(cookie) });
const verify = (cookie: string, code: string, headers = asNewCaller()) =>
  api.postJson('/auth/two-factor/verify', { code }, as(cookie, headers));
const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

/** A user with two-factor on, and a fresh sign-in of theirs waiting for the second factor. */
async function signedInAgain() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  const factor = await enrolledUser(api, user, headers);
  const signIn = await api.postJson(
    '/auth/sign-in',
    { email: user.email, password: TEST_PASSWORD },
    asNewCaller(),
  );
  expect(signIn.status).toBe(200);
  expect((await signIn.json()).data.secondFactorRequired).toBe(true);
  return { user, factor, pending: cookieOf(signIn) };
}

async function secondFactorEvents(userId: string) {
  return withServiceRole(db(), (tx) =>
    tx
      .select({ success: auditLogs.success, details: auditLogs.details })
      .from(auditLogs)
      .where(and(eq(auditLogs.actorId, userId), eq(auditLogs.action, 'auth.second_factor'))),
  );
}

describe('two-factor authentication (built-in provider)', () => {
  it('enrols with a code, stores the secret encrypted, and gives ten recovery codes once', async () => {
    const headers = asNewCaller();
    const user = await signedInUser(api, db(), { headers });
    const { manualKey, keyUri, recoveryCodes } = await enrolledUser(api, user, headers);
    expect(keyUri).toMatch(/^otpauth:\/\/totp\/Lean%20SaaS:/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [row] = await withServiceRole(db(), (tx) =>
      tx.select().from(twoFactorFactors).where(eq(twoFactorFactors.userId, user.userId)),
    );
    const plain = manualKey.replace(/\s/g, '');
    expect(row!.secretCiphertext).not.toContain(plain);
    expect(openSecret(row!.secretCiphertext, user.userId)).toHaveLength(20);
    // Bound to its account: the same ciphertext does not open for another.
    expect(() => openSecret(row!.secretCiphertext, crypto.randomUUID())).toThrow();
    const status = await api.rest('/me/two-factor', { headers: as(user.cookie) });
    expect((await status.json()).data).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // Enrolled already: a second enrolment is refused rather than replacing the secret.
    const again = await dashboardCall(api, 'auth.twoFactor.enrol', undefined, as(user.cookie));
    expect(again.status).toBe(409);
  });

  it('a new sign-in is of no use until its second factor; a code makes it a session', async () => {
    const { user, factor, pending } = await signedInAgain();
    const refused = await me(pending);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('SECOND_FACTOR_REQUIRED');
    // A mailed sign-in link or code ends the same way: the session row decides.
    const verified = await verify(pending, factor.codeAt(1));
    expect(verified.status).toBe(200);
    expect((await verified.json()).data.via).toBe('totp');
    expect((await me(pending)).status).toBe(200);
    const [session] = await withServiceRole(db(), (tx) =>
      tx
        .select({ at: userSessions.secondFactorAt })
        .from(userSessions)
        .where(eq(userSessions.userId, user.userId))
        .orderBy(sql`created_at desc`)
        .limit(1),
    );
    expect(session!.at).toBeInstanceOf(Date);
  });

  it('a sign-in by a mailed code needs the second factor as well', async () => {
    const { user, factor } = await signedInAgain();
    const asked = await api.postJson('/auth/email-sign-in', { email: user.email }, asNewCaller());
    expect(asked.status).toBe(202);
    const { message } = await lastMailTo(db(), user.email);
    const mailed = message.textBody.match(/\b\d{6}\b/)![0];
    const signIn = await api.postJson(
      '/auth/email-sign-in/code',
      { email: user.email, code: mailed },
      asNewCaller(),
    );
    expect((await signIn.json()).data.secondFactorRequired).toBe(true);
    const refused = await me(cookieOf(signIn));
    expect(await errorCode(refused)).toBe('SECOND_FACTOR_REQUIRED');
    expect((await verify(cookieOf(signIn), factor.codeAt(1))).status).toBe(200);
    expect((await me(cookieOf(signIn))).status).toBe(200);
  });

  it('refuses a replayed TOTP code, even within its time step', async () => {
    const { user, factor, pending } = await signedInAgain();
    const code = factor.codeAt(1);
    expect((await verify(pending, code)).status).toBe(200);
    // A second sign-in intercepting the same code (phishing relay, shoulder surfing).
    const other = await api.postJson(
      '/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    const replay = await verify(cookieOf(other), code);
    expect(replay.status).toBe(401);
    expect((await me(cookieOf(other))).status).toBe(401);
    const events = await secondFactorEvents(user.userId);
    expect(events.map((event) => event.details)).toContainEqual({ reason: 'replayed code' });
  });

  it('a recovery code works once', async () => {
    const { user, factor, pending } = await signedInAgain();
    const code = factor.recoveryCodes[3]!;
    const used = await verify(pending, code.toLowerCase().replace(/-/g, ' '));
    expect(used.status).toBe(200);
    expect((await used.json()).data.via).toBe('recovery');
    const other = await api.postJson(
      '/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect((await verify(cookieOf(other), code)).status).toBe(401);
    const events = await secondFactorEvents(user.userId);
    expect(events).toContainEqual({ success: false, details: { reason: 'used recovery code' } });
    const status = await api.rest('/me/two-factor', { headers: as(pending) });
    expect((await status.json()).data.recoveryCodesLeft).toBe(9);
  });

  it('locks the second step after too many wrong codes, from any address', async () => {
    const { user, factor, pending } = await signedInAgain();
    for (let attempt = 0; attempt < NAMED_LIMITS.twoFactorFailure.requests; attempt++) {
      expect((await verify(pending, '000000')).status).toBe(401);
    }
    // Locked: even the right code, from a new address, waits for the window.
    const locked = await verify(pending, factor.codeAt(1), asNewCaller());
    expect(locked.status).toBe(429);
    expect((await me(pending)).status).toBe(401);
    const events = await secondFactorEvents(user.userId);
    expect(events).toContainEqual({ success: false, details: { reason: 'locked out' } });
  });

  it('sensitive actions need a recent second factor; a step-up code allows them', async () => {
    const headers = asNewCaller();
    const user = await signedInUser(api, db(), { headers });
    const factor = await enrolledUser(api, user, headers);
    // Enrolling proved the factor just now: a key may be created at once.
    await apiKeyOf(api, user);
    // Eleven minutes later (turned on twelve minutes ago), the same session must prove it again.
    await withServiceRole(db(), async (tx) => {
      await tx
        .update(twoFactorFactors)
        .set({ enabledAt: sql`now() - interval '12 minutes'` })
        .where(eq(twoFactorFactors.userId, user.userId));
      await tx
        .update(userSessions)
        .set({ secondFactorAt: sql`now() - interval '11 minutes'` })
        .where(eq(userSessions.userId, user.userId));
    });
    await forgetSessionsOf(user.userId);
    const stale = await api.postJson(
      '/api-keys',
      { name: 'k', scopes: ['profile:read'] },
      as(user.cookie),
    );
    expect(stale.status).toBe(403);
    expect(await errorCode(stale)).toBe('STEP_UP_REQUIRED');
    const disable = await dashboardCall(api, 'auth.twoFactor.disable', undefined, as(user.cookie));
    expect(disable.code).toBe('STEP_UP_REQUIRED');
    const password = await api.postJson(
      '/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase 42' },
      as(user.cookie),
    );
    expect(await errorCode(password)).toBe('STEP_UP_REQUIRED');
    // A passkey is a whole sign-in: adding one needs the fresh factor too.
    const passkey = await api.postJson(
      '/me/passkeys/options',
      {},
      {
        ...as(user.cookie),
        host: 'localhost',
      },
    );
    expect(await errorCode(passkey)).toBe('STEP_UP_REQUIRED');
    expect((await verify(user.cookie, factor.codeAt(1))).status).toBe(200);
    const key = await api.postJson(
      '/api-keys',
      { name: 'k', scopes: ['profile:read'] },
      as(user.cookie),
    );
    expect(key.status).toBe(201);
    // Turned off (with the fresh factor), a sign-in needs the password alone again.
    const disabled = await dashboardCall(api, 'auth.twoFactor.disable', undefined, as(user.cookie));
    expect(disabled.status).toBe(200);
    const signIn = await api.postJson(
      '/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect((await signIn.json()).data.secondFactorRequired).toBe(false);
    expect((await me(cookieOf(signIn))).status).toBe(200);
  });

  it('an API key may read the status, not change it; a wrong first code enables nothing', async () => {
    const headers = asNewCaller();
    const user = await signedInUser(api, db(), { headers });
    const { key } = await apiKeyOf(api, user, { scopes: ['profile:read', 'profile:write'] });
    const bearer = { authorization: `Bearer ${key}`, ...asNewCaller() };
    const status = await api.rest('/me/two-factor', { headers: bearer });
    expect(status.status).toBe(200);
    expect((await status.json()).data).toMatchObject({ available: true, enabled: false });
    expect((await dashboardCall(api, 'auth.twoFactor.enrol', undefined, bearer)).status).toBe(403);
    expect((await api.postJson('/auth/two-factor/verify', { code: '123456' }, bearer)).status).toBe(
      401,
    );
    const enrol = await dashboardCall(api, 'auth.twoFactor.enrol', undefined, as(user.cookie));
    expect(enrol.status).toBe(200);
    const wrong = await dashboardCall(
      api,
      'auth.twoFactor.confirm',
      { code: '000000' },
      as(user.cookie),
    );
    expect(wrong.status).toBe(401);
    const after = await api.rest('/me/two-factor', { headers: as(user.cookie) });
    expect((await after.json()).data.enabled).toBe(false);
  });

  it('turned off and on again, it asks every other session for the new factor', async () => {
    const { user, factor, pending } = await signedInAgain();
    expect((await verify(pending, factor.codeAt(1))).status).toBe(200);
    expect((await me(pending)).status).toBe(200);
    const off = await dashboardCall(api, 'auth.twoFactor.disable', undefined, as(user.cookie));
    expect(off.status).toBe(200);
    await enrolledUser(api, user, asNewCaller());
    // The other session proved the old factor only: it waits for the new one.
    const waiting = await me(pending);
    expect(waiting.status).toBe(401);
    expect(await errorCode(waiting)).toBe('SECOND_FACTOR_REQUIRED');
    expect((await me(user.cookie)).status).toBe(200);
  });

  it('signing out a session that waits for its second factor ends it', async () => {
    const { user, pending } = await signedInAgain();
    expect((await api.postJson('/auth/sign-out', undefined, as(pending))).status).toBe(200);
    const live = await withServiceRole(db(), (tx) =>
      tx
        .select({ id: userSessions.id })
        .from(userSessions)
        .where(and(eq(userSessions.userId, user.userId), sql`revoked_at is null`)),
    );
    // Only the session that enrolled is left.
    expect(live).toHaveLength(1);
  });
});

describe('the admin area and two-factor', () => {
  const admin = (enabled: boolean): Identity => ({
    kind: 'user',
    userId: crypto.randomUUID(),
    sessionId: crypto.randomUUID(),
    claims: { role: 'authenticated' },
    permissions: ['admin'],
    secondFactor: { enabled, verifiedAt: enabled ? new Date() : null },
  });

  it('refuses an admin session without two-factor when ADMIN_REQUIRE_2FA is on', () => {
    expect(() => assertAdminSecondFactor(admin(false), true)).toThrow(/two-factor/);
    expect(() => assertAdminSecondFactor(admin(true), true)).not.toThrow();
    expect(() => assertAdminSecondFactor(admin(false), false)).not.toThrow();
  });

  it('lets an admin viewing as a user do no sensitive action, with or without 2FA', () => {
    for (const enabled of [true, false]) {
      const viewing = { ...admin(enabled), impersonatorId: crypto.randomUUID() };
      expect(() => requireRecentSecondFactor(viewing)).toThrow(/view/i);
    }
    expect(() => requireRecentSecondFactor(admin(true))).not.toThrow();
  });
});
