import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, userSessions } from '@/db/schema';
import { startOAuthEmulator } from '@/packages/oauth-emulator';
import {
  apiKeyOf,
  asNewCaller,
  newTestEmail,
  signedInAdmin,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';
import { oauthBrowser } from '@/test/helpers/oauth-flow';
import { enrolledUser } from '@/test/helpers/two-factor';

// The app points at the local identity provider once it listens (env is read per flow).
const shared = vi.hoisted(() => ({ env: {} as Record<string, unknown> }));
vi.mock('@/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/env')>();
  shared.env = { ...actual.env };
  return { env: shared.env };
});

const { api, db } = testApi();
const browser = oauthBrowser(db);
let emulator: Awaited<ReturnType<typeof startOAuthEmulator>>;

beforeAll(async () => {
  emulator = await startOAuthEmulator();
  shared.env.OAUTH_EMULATOR_URL = emulator.url;
});
afterAll(() => emulator?.close());

const me = (cookie: string) => api.rest('/me', { headers: { cookie, ...asNewCaller() } });
const identitiesOf = async (cookie: string) =>
  (await (await api.rest('/me/identities', { headers: { cookie, ...asNewCaller() } })).json())
    .data as { identities: { id: string; provider: string }[]; hasPassword: boolean };
const userIdOf = async (cookie: string) => (await (await me(cookie)).json()).data.id as string;

async function lastAudit(action: string) {
  const [row] = await withServiceRole(db(), (tx) =>
    tx
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, action))
      .orderBy(desc(auditLogs.createdAt))
      .limit(1),
  );
  return row!;
}

describe('OAuth sign-in (built-in provider, local identity provider)', () => {
  it('asks an account with two-factor on for its code after the provider, as after a password', async () => {
    const user = await signedInUser(api, db());
    const { codeAt } = await enrolledUser(api, user, asNewCaller());
    const flow = await browser.signIn('github', { email: user.email, verified: true });
    expect(flow.session).toBeDefined();
    const waiting = await me(flow.session!);
    expect(waiting.status).toBe(401);
    expect((await waiting.json()).error.code).toBe('SECOND_FACTOR_REQUIRED');
    const verified = await api.postJson(
      '/auth/two-factor/verify',
      // The next step's code: the current one went into turning two-factor on.
      { code: codeAt(1) },
      { cookie: flow.session!, ...asNewCaller() },
    );
    expect(verified.status).toBe(200);
    expect(await userIdOf(flow.session!)).toBe(user.userId);
  });

  it('signs a new person up with a verified address: confirmed, no password, method oauth', async () => {
    const email = newTestEmail();
    const flow = await browser.signIn(
      'github',
      { email, verified: true },
      { query: 'next=/dashboard/profile' },
    );
    expect(flow.response.status).toBe(302);
    expect(flow.location).toBe('/dashboard/profile');
    expect(flow.session).toBeDefined();
    const userId = await userIdOf(flow.session!);
    const [session] = await withServiceRole(db(), (tx) =>
      tx
        .select({ method: userSessions.method })
        .from(userSessions)
        .where(eq(userSessions.userId, userId)),
    );
    expect(session?.method).toBe('oauth');
    const listed = await identitiesOf(flow.session!);
    expect(listed.identities.map((i) => i.provider)).toEqual(['github']);
    expect(listed.hasPassword).toBe(false);

    // The same provider account signs into the same account again, whatever the address now.
    const again = await browser.signIn('github', { email, verified: true });
    expect(await userIdOf(again.session!)).toBe(userId);
  });

  it('never redirects off the app after sign-in', async () => {
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      '/%09/evil.example',
    ]) {
      const flow = await browser.signIn('google', 0, { query: `next=${encodeURIComponent(next)}` });
      expect(flow.location, next).toMatch(/^\/(?!\/|\\)/);
      expect(new URL(flow.location!, 'http://app.invalid').origin).toBe('http://app.invalid');
    }
  });

  it('signs into an existing account only when the provider verified the matching address', async () => {
    const user = await signedInUser(api, db());
    const unverified = await browser.signIn('google', { email: user.email, verified: false });
    expect(unverified.session).toBeUndefined();
    expect(unverified.location).toBe('/sign-in?oauth_error=unverifiedEmail');
    const refused = await lastAudit('auth.sign_in');
    expect(refused.success).toBe(false);
    expect(refused.details).toMatchObject({
      method: 'oauth',
      reason: 'provider email not verified',
    });
    expect((await identitiesOf(user.cookie)).identities).toEqual([]);

    const verified = await browser.signIn('google', { email: user.email, verified: true });
    expect(await userIdOf(verified.session!)).toBe(user.userId);
    expect((await identitiesOf(user.cookie)).identities.map((i) => i.provider)).toEqual(['google']);
  });

  it('confirms an unconfirmed account and clears the password its sign-up set (pre-hijacking)', async () => {
    const email = newTestEmail();
    const signUp = await api.postJson(
      '/auth/sign-up',
      { email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(signUp.status).toBe(202);
    const flow = await browser.signIn('github', { email, verified: true });
    expect(flow.session).toBeDefined();
    const password = await api.postJson(
      '/auth/sign-in',
      { email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(password.status).toBe(401);
  });

  it('refuses a state that does not match the one this browser was given', async () => {
    const started = await browser.start('github');
    const back = await browser.pick(started.response.headers.get('location')!, 0);
    back.searchParams.set('state', 'an-attacker-chosen-state-value-000');
    const response = await browser.callback(back, started.flowCookie);
    expect(response.headers.get('location')).toBe('/sign-in?oauth_error=invalidState');
    expect(response.headers.getSetCookie().join()).not.toMatch(/lean_session=[^;]/);
    expect((await lastAudit('auth.sign_in')).details).toMatchObject({ reason: 'state mismatch' });
  });

  it('refuses a callback without the flow cookie (no verifier): a code injected into another browser', async () => {
    const started = await browser.start('github');
    const back = await browser.pick(started.response.headers.get('location')!, 1);
    const response = await browser.callback(back);
    expect(response.headers.get('location')).toBe('/sign-in?oauth_error=invalidState');
    expect((await lastAudit('auth.sign_in')).details).toMatchObject({
      reason: 'no flow cookie (verifier missing)',
    });
  });

  it('spends a code once: a replayed callback signs nobody in', async () => {
    const started = await browser.start('google');
    const back = await browser.pick(started.response.headers.get('location')!, 1);
    const first = await browser.callback(back, started.flowCookie);
    expect(first.headers.get('location')).toBe('/dashboard');
    const replay = await browser.callback(back, started.flowCookie);
    expect(replay.headers.get('location')).toBe('/sign-in?oauth_error=failed');
    expect(replay.headers.getSetCookie().join()).not.toMatch(/lean_session=[^;]/);
  });

  it('refuses a verifier other than the one the flow began with', async () => {
    const started = await browser.start('github');
    const back = await browser.pick(started.response.headers.get('location')!, 0);
    const other = await browser.start('github');
    // Another flow's cookie, with this flow's state: the verifier does not match the code.
    const flow = JSON.parse(Buffer.from(other.flowCookie!.split('=')[1]!, 'base64url').toString());
    flow.state = back.searchParams.get('state');
    const forged = `lean_oauth=${Buffer.from(JSON.stringify(flow)).toString('base64url')}`;
    const response = await browser.callback(back, forged);
    expect(response.headers.get('location')).toBe('/sign-in?oauth_error=failed');
  });
});

describe('linked identities', () => {
  it('refuses linking during an admin view as the user: the identity would outlast it', async () => {
    const admin = await signedInAdmin(api, db());
    const user = await signedInUser(api, db());
    const started = await api.postJson(
      `/admin/users/${user.userId}/impersonate`,
      {},
      {
        cookie: admin.cookie,
        ...asNewCaller(),
      },
    );
    expect(started.status).toBe(200);
    const view = cookieHeaderFrom(started, admin.cookie);
    const { response } = await browser.start('github', { cookie: view, query: 'link=1' });
    expect(response.headers.get('location')).toBe('/dashboard/profile?oauth_error=notWhileViewing');
    expect((await identitiesOf(user.cookie)).identities).toEqual([]);
  });

  it('links while signed in, whatever the address; unlinks; one provider account links once', async () => {
    const user = await signedInUser(api, db());
    const other = `someone-${newTestEmail()}`;
    const linked = await browser.signIn(
      'github',
      { email: other, verified: false },
      { cookie: user.cookie, query: 'link=1' },
    );
    expect(linked.location).toBe('/dashboard/profile?linked=github');
    const { identities, hasPassword } = await identitiesOf(user.cookie);
    expect(identities.map((i) => i.provider)).toEqual(['github']);
    expect(hasPassword).toBe(true);
    const [audit] = await withServiceRole(db(), (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(eq(auditLogs.actorId, user.userId), eq(auditLogs.action, 'auth.identity_linked')),
        ),
    );
    expect(audit?.details).toMatchObject({ provider: 'github', by: 'signed-in user' });

    // The identity now signs into this account.
    const viaGithub = await browser.signIn('github', { email: other, verified: false });
    expect(await userIdOf(viaGithub.session!)).toBe(user.userId);

    // Nobody else may link the same provider account.
    const intruder = await signedInUser(api, db());
    const taken = await browser.signIn(
      'github',
      { email: other, verified: false },
      { cookie: intruder.cookie, query: 'link=1' },
    );
    expect(taken.location).toBe('/dashboard/profile?oauth_error=identityTaken');

    const unlinked = await api.postTrpc(
      'identities.unlink',
      { id: identities[0]!.id },
      { cookie: user.cookie, ...asNewCaller() },
    );
    expect(unlinked.status).toBe(200);
    expect((await identitiesOf(user.cookie)).identities).toEqual([]);
  });

  it('never unlinks the last way into an account without a password', async () => {
    const flow = await browser.signIn('google', { email: newTestEmail(), verified: true });
    const [only] = (await identitiesOf(flow.session!)).identities;
    const refused = await api.postTrpc(
      'identities.unlink',
      { id: only!.id },
      { cookie: flow.session!, ...asNewCaller() },
    );
    expect(refused.status).toBe(409);
    expect((await identitiesOf(flow.session!)).identities).toHaveLength(1);
  });

  it('an API key may list the identities (REST), never unlink one', async () => {
    const user = await signedInUser(api, db());
    await browser.signIn(
      'google',
      { email: newTestEmail(), verified: false },
      { cookie: user.cookie, query: 'link=1' },
    );
    const { key } = await apiKeyOf(api, user, { scopes: ['profile:read', 'profile:write'] });
    const listed = await api.rest('/me/identities', {
      headers: { authorization: `Bearer ${key}`, ...asNewCaller() },
    });
    expect(listed.status).toBe(200);
    const [identity] = (await listed.json()).data.identities;
    expect(identity.provider).toBe('google');
    expect(identity.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const unlink = await api.postTrpc(
      'identities.unlink',
      { id: identity.id },
      { authorization: `Bearer ${key}`, ...asNewCaller() },
    );
    expect(unlink.status).toBe(403);
    expect((await api.rest('/me/identities', { headers: asNewCaller() })).status).toBe(401);
  });

  it('does not start linking without a signed-in session', async () => {
    const started = await browser.start('github', { query: 'link=1' });
    expect(started.response.headers.get('location')).toBe('/sign-in?next=/dashboard/profile');
    expect(started.flowCookie).toBeUndefined();
  });
});
