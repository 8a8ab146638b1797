import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, userSessions } from '@/db/schema';
import { emailTokens } from '@/db/schema/email-tokens';
import { NAMED_LIMITS } from '@/server/platform/infra/rate-limit/config';
import {
  asNewCaller,
  cookieOf,
  lastMailTo,
  newTestEmail,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

const request = (email: string, headers = asNewCaller()) =>
  api.postJson('/auth/email-sign-in', { email }, headers);
const byLink = (token: string | null) =>
  api.postJson('/auth/email-sign-in/link', { token }, asNewCaller());
const byCode = (email: string, code: string) =>
  api.postJson('/auth/email-sign-in/code', { email, code }, asNewCaller());

/** Asks for a sign-in mail to `email`; its link token and its code. */
async function signInMail(email: string) {
  expect((await request(email)).status).toBe(202);
  const { message, link, token } = await lastMailTo(db(), email);
  expect(message.subject).toBe('Sign in to Lean SaaS');
  const code = message.textBody.match(/\b\d{6}\b/)![0];
  return { link, token, code };
}

const me = (cookie: string) => api.rest('/me', { headers: { cookie, ...asNewCaller() } });

async function sessionMethodOf(userId: string) {
  const [row] = await withServiceRole(db(), (tx) =>
    tx
      .select({ method: userSessions.method })
      .from(userSessions)
      .where(eq(userSessions.userId, userId))
      .orderBy(desc(userSessions.createdAt))
      .limit(1),
  );
  return row?.method;
}

async function auditedSignIns(userId: string) {
  return withServiceRole(db(), (tx) =>
    tx
      .select({ success: auditLogs.success, details: auditLogs.details })
      .from(auditLogs)
      .where(and(eq(auditLogs.actorId, userId), eq(auditLogs.action, 'auth.sign_in'))),
  );
}

describe('passwordless sign-in by mail', () => {
  it('signs in by link once; the code of the same mail is spent with it', async () => {
    const { email, userId } = await signedInUser(api, db());
    const { link, token, code } = await signInMail(email);
    expect(link.pathname).toBe('/sign-in/email');
    expect([...link.searchParams.keys()]).toEqual(['token']);

    const signedIn = await byLink(token);
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).data).toEqual({ userId, secondFactorRequired: false });
    expect((await me(cookieOf(signedIn))).status).toBe(200);
    expect(await sessionMethodOf(userId)).toBe('email-link');
    const sessions = await api.rest('/sessions', {
      headers: { cookie: cookieOf(signedIn), ...asNewCaller() },
    });
    const current = (await sessions.json()).data.find((s: { current: boolean }) => s.current);
    expect(current.method).toBe('email-link');

    expect((await byLink(token)).status).toBe(404);
    expect((await byCode(email, code)).status).toBe(401);
    const audited = await auditedSignIns(userId);
    expect(audited).toContainEqual({ success: true, details: { method: 'email-link' } });
    expect(audited).toContainEqual({
      success: false,
      details: { method: 'email-code', reason: 'wrong or expired code' },
    });
  });

  it('signs in by code once (spaces allowed); the link of the same mail is spent with it', async () => {
    const { email, userId } = await signedInUser(api, db());
    const { token, code } = await signInMail(email);
    const signedIn = await byCode(email.toUpperCase(), `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(signedIn.status).toBe(200);
    expect((await me(cookieOf(signedIn))).status).toBe(200);
    expect(await sessionMethodOf(userId)).toBe('email-code');
    expect((await byCode(email, code)).status).toBe(401);
    expect((await byLink(token)).status).toBe(404);
  });

  it('stores only hashes, and a newer mail voids the older one', async () => {
    const { email, userId } = await signedInUser(api, db());
    const first = await signInMail(email);
    const second = await signInMail(email);
    const rows = await withServiceRole(db(), (tx) =>
      tx.select().from(emailTokens).where(eq(emailTokens.userId, userId)),
    );
    const live = rows.filter((row) => row.purpose === 'sign_in' && !row.usedAt);
    expect(live).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(second.token);
    expect(live[0]!.codeHash).not.toContain(second.code);
    // Fifteen minutes, by the database's clock.
    const lifetime = live[0]!.expiresAt.getTime() - live[0]!.createdAt.getTime();
    expect(Math.round(lifetime / 60_000)).toBe(15);
    expect((await byLink(first.token)).status).toBe(404);
    expect((await byLink(second.token)).status).toBe(200);
  });

  it('refuses an expired link and code', async () => {
    const { email, userId } = await signedInUser(api, db());
    const { token, code } = await signInMail(email);
    await withServiceRole(db(), (tx) =>
      tx
        .update(emailTokens)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'sign_in'))),
    );
    expect((await byLink(token)).status).toBe(404);
    expect((await byCode(email, code)).status).toBe(401);
  });

  it('five wrong codes spend the mail: the right code no longer works', async () => {
    const { email, code } = await signedInUser(api, db()).then(async (user) => ({
      ...user,
      ...(await signInMail(user.email)),
    }));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const refused = await byCode(email, wrong);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.message).toMatch(/wrong or has expired/);
    }
    expect((await byCode(email, code)).status).toBe(401);
  });

  it('answers the same for an unknown address, and mails it nothing', async () => {
    const { email } = await signedInUser(api, db());
    const unknown = newTestEmail();
    const known = await request(email);
    const other = await request(unknown);
    expect(other.status).toBe(known.status);
    expect((await other.json()).data).toEqual((await known.json()).data);
    await expect(lastMailTo(db(), unknown)).rejects.toThrow(/no mail/);
    const refused = await byCode(unknown, '123456');
    expect(refused.status).toBe(401);
    const wrong = await byCode(email, '123456');
    expect((await refused.json()).error).toEqual((await wrong.json()).error);
  });

  it('a link confirms an unconfirmed address and clears the password its sign-up set', async () => {
    const email = newTestEmail();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, asNewCaller());
    const { token } = await signInMail(email);
    const signedIn = await byLink(token);
    expect(signedIn.status).toBe(200);
    const me = await api.rest('/me', { headers: { cookie: cookieOf(signedIn) } });
    expect((await me.json()).data.emailVerified).toBe(true);
    // Whoever chose that password never proved the address: it no longer signs in.
    const byPassword = await api.postJson(
      '/auth/sign-in',
      { email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(byPassword.status).toBe(401);
  });

  it('one mail opens one session, however many redeem it at once', async () => {
    const { email, userId } = await signedInUser(api, db());
    const before = await auditedSignIns(userId);
    const { token, code } = await signInMail(email);
    const answers = await Promise.all([
      byLink(token),
      byCode(email, code),
      byLink(token),
      byCode(email, code),
    ]);
    expect(answers.map((answer) => answer.status).filter((status) => status === 200)).toHaveLength(
      1,
    );
    const succeeded = (rows: Awaited<ReturnType<typeof auditedSignIns>>) =>
      rows.filter((row) => row.success).length;
    expect(succeeded(await auditedSignIns(userId))).toBe(succeeded(before) + 1);
    const byMail = await withServiceRole(db(), (tx) =>
      tx
        .select({ id: userSessions.id })
        .from(userSessions)
        .where(and(eq(userSessions.userId, userId), sql`${userSessions.method} like 'email-%'`)),
    );
    expect(byMail).toHaveLength(1);
  });

  it('refuses malformed input with the field named', async () => {
    const code = await byCode(newTestEmail(), '12ab56');
    expect(code.status).toBe(400);
    expect((await code.json()).error.details.fields[0].path).toBe('code');
    const link = await byLink('short');
    expect(link.status).toBe(400);
  });
});

describe('passwordless sign-in limits', () => {
  it('limits mails per email address, from any client address', async () => {
    const email = newTestEmail();
    const { requests, windowSeconds } = NAMED_LIMITS.emailSignInPerEmail;
    await roomInWindow(windowSeconds, 20_000);
    for (let i = 0; i < requests; i++) expect((await request(email)).status).toBe(202);
    const refused = await request(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits mails per client address, whatever the email', async () => {
    const from = { 'x-test-client-ip': uniqueClientIp() };
    await roomInWindow(NAMED_LIMITS.emailSignIn.windowSeconds, 20_000);
    for (let i = 0; i < NAMED_LIMITS.emailSignIn.requests; i++) {
      expect((await request(newTestEmail(), from)).status).toBe(202);
    }
    expect((await request(newTestEmail(), from)).status).toBe(429);
  });

  it('limits wrong codes per email address, from any client address', async () => {
    const { email } = await signedInUser(api, db());
    const { code } = await signInMail(email);
    const wrong = code === '000000' ? '111111' : '000000';
    await roomInWindow(NAMED_LIMITS.emailCodeFailure.windowSeconds, 30_000);
    for (let i = 0; i < NAMED_LIMITS.emailCodeFailure.requests; i++) {
      expect((await byCode(email, wrong)).status).toBe(401);
    }
    const refused = await byCode(email, wrong);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
  });

  it('limits link and code attempts per client address', async () => {
    const from = { 'x-test-client-ip': uniqueClientIp() };
    await roomInWindow(NAMED_LIMITS.signIn.windowSeconds, 20_000);
    const attempt = () => api.postJson('/auth/email-sign-in/link', { token: 'C'.repeat(43) }, from);
    for (let i = 0; i < NAMED_LIMITS.signIn.requests; i++) {
      expect((await attempt()).status).toBe(404);
    }
    expect((await attempt()).status).toBe(429);
  });
});
