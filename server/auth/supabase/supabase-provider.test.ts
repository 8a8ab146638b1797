import {
  combineChunks,
  createChunks,
  parseCookieHeader,
  stringFromBase64URL,
  stringToBase64URL,
} from '@supabase/ssr';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { asNewCaller, newTestEmail, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';
import { countingDb } from '@/test/helpers/counting-db';
import { testScope } from '@/test/helpers/scope';
import { dashboardCall } from '@/test/helpers/two-factor';
import {
  startSupabaseAuthStandIn,
  type SupabaseAuthStandIn,
} from '@/test/fakes/supabase-auth-stand-in';

import type { AuthProvider } from '../provider';

import { supabaseAuthProvider } from './provider';
import { refreshSupabaseSession } from './refresh-session';

// The Supabase provider through the real @supabase/ssr and supabase-js, against the
// local stand-in of Supabase Auth, on the same test database.
let standIn: SupabaseAuthStandIn;
let provider: AuthProvider;
const { api, db } = testApi({ auth: () => provider });

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({ db: db() });
  provider = supabaseAuthProvider({ url: standIn.url, publishableKey: standIn.publishableKey });
});
afterAll(() => standIn.close());

const mailTo = (to: string) => standIn.emails.findLast((mail) => mail.to === to)!;

async function signedInWithSupabase() {
  const email = newTestEmail();
  const headers = asNewCaller();
  expect(
    (await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, headers)).status,
  ).toBe(202);
  const confirm = await api.postJson(
    '/auth/verify-email',
    { token: mailTo(email).tokenHash, type: 'email' },
    headers,
  );
  expect(confirm.status).toBe(200);
  const signIn = await api.postJson('/auth/sign-in', { email, password: TEST_PASSWORD }, headers);
  expect(signIn.status).toBe(200);
  return { email, userId: (await signIn.json()).data.userId as string, signIn };
}

// The session cookie as @supabase/ssr writes it: `base64-` + base64url(JSON), chunked.
const storageKey = () => `sb-${new URL(standIn.url).hostname.split('.')[0]}-auth-token`;

async function sessionIn(cookieHeader: string) {
  const jar = new Map(parseCookieHeader(cookieHeader).map(({ name, value }) => [name, value]));
  const raw = await combineChunks(storageKey(), (name) => jar.get(name));
  return JSON.parse(stringFromBase64URL(raw!.slice('base64-'.length)));
}

function cookieHeaderWith(session: unknown) {
  const value = `base64-${stringToBase64URL(JSON.stringify(session))}`;
  return createChunks(storageKey(), value)
    .map(({ name, value: chunk }) => `${name}=${chunk}`)
    .join('; ');
}

describe('Supabase Auth provider', () => {
  it('signs up, confirms through the mailed link, signs in, and knows the caller', async () => {
    const { email, userId, signIn } = await signedInWithSupabase();
    const setCookies = signIn.headers.getSetCookie();
    expect(setCookies.length).toBeGreaterThan(0);
    for (const line of setCookies) expect(line).toMatch(/HttpOnly/i);

    const cookie = cookieHeaderFrom(signIn);
    const me = await api.rest('/me', { headers: { cookie, ...asNewCaller() } });
    expect(me.status).toBe(200);
    expect((await me.json()).data).toMatchObject({ id: userId, email, role: 'user' });
  });

  it('refuses sign-in before the address is confirmed, and a wrong password generically', async () => {
    const email = newTestEmail();
    const headers = asNewCaller();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, headers);
    const early = await api.postJson('/auth/sign-in', { email, password: TEST_PASSWORD }, headers);
    expect(early.status).toBe(403);
    const wrong = await api.postJson(
      '/auth/sign-in',
      { email, password: 'not it at all' },
      headers,
    );
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe('The email or password is incorrect.');
  });

  it('refuses forged, expired, unsigned, symmetric, wrong-audience and wrong-issuer tokens before any query', async () => {
    const { signIn } = await signedInWithSupabase();
    const session = await sessionIn(cookieHeaderFrom(signIn));
    const claims = JSON.parse(stringFromBase64URL(session.access_token.split('.')[1]));
    const identify = async (accessToken: string) => {
      const { counted, counter } = countingDb(db());
      const request = new Request('http://localhost/api/v1/me', {
        headers: { cookie: cookieHeaderWith({ ...session, access_token: accessToken }) },
      });
      const identity = await provider.identify(request, counted, testScope());
      return { kind: identity.kind, transactions: counter.transactions };
    };

    // The genuine token: verified, then one query for the role.
    expect(await identify(session.access_token)).toEqual({ kind: 'user', transactions: 1 });

    const past = Math.floor(Date.now() / 1000) - 3600;
    const forged = [
      await standIn.signAccessToken(claims, { key: 'other' }),
      await standIn.signAccessToken({ ...claims, exp: past, iat: past - 60 }),
      await standIn.signAccessToken(claims, { alg: 'none' }),
      await standIn.signAccessToken(claims, { alg: 'HS256' }),
      await standIn.signAccessToken(claims, { kid: null }),
      await standIn.signAccessToken({ ...claims, aud: 'someone-else' }),
      await standIn.signAccessToken({ ...claims, iss: 'https://evil.example/auth/v1' }),
      await standIn.signAccessToken({ ...claims, role: 'service_role' }),
      await standIn.signAccessToken(claims, { kid: 'a-key-nobody-published' }),
    ];
    // Nor any request to Supabase: no key-set refetch, no GET /user fallback.
    const outbound = vi.spyOn(globalThis, 'fetch');
    try {
      for (const token of forged) {
        expect(await identify(token)).toEqual({ kind: 'anonymous', transactions: 0 });
      }
      expect(outbound).not.toHaveBeenCalled();
    } finally {
      outbound.mockRestore();
    }
  });

  it('resets a forgotten password through the mailed link', async () => {
    const { email } = await signedInWithSupabase();
    const forgot = await api.postJson('/auth/forgot-password', { email }, asNewCaller());
    expect(forgot.status).toBe(202);
    const link = mailTo(email);
    expect(link.type).toBe('recovery');
    const reset = await api.postJson(
      '/auth/reset-password',
      { token: link.tokenHash, newPassword: 'a brand new passphrase' },
      asNewCaller(),
    );
    expect(reset.status).toBe(200);
    const signIn = (password: string) =>
      api.postJson('/auth/sign-in', { email, password }, asNewCaller());
    expect((await signIn(TEST_PASSWORD)).status).toBe(401);
    expect((await signIn('a brand new passphrase')).status).toBe(200);
  });

  it('changes the password only with the current one, and signs out', async () => {
    const { email, signIn } = await signedInWithSupabase();
    const cookie = cookieHeaderFrom(signIn);
    const headers = { cookie, ...asNewCaller() };
    const wrong = await api.postJson(
      '/auth/change-password',
      { currentPassword: 'not my password', newPassword: 'another long passphrase' },
      headers,
    );
    expect(wrong.status).toBe(403);
    const changed = await api.postJson(
      '/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
      headers,
    );
    expect(changed.status).toBe(200);
    const again = await api.postJson(
      '/auth/sign-in',
      { email, password: 'another long passphrase' },
      asNewCaller(),
    );
    expect(again.status).toBe(200);

    const out = await api.postJson('/auth/sign-out', {}, headers);
    expect(out.status).toBe(200);
    const afterCookie = cookieHeaderFrom(out, cookie);
    expect(afterCookie).not.toContain(storageKey());
  });

  it('refreshes an expiring session before a page renders, for the response and the page', async () => {
    const { signIn } = await signedInWithSupabase();
    const session = await sessionIn(cookieHeaderFrom(signIn));
    const config = { url: standIn.url, publishableKey: standIn.publishableKey };
    const request = (cookie: string) =>
      new Request('http://localhost/dashboard', { headers: { cookie } });

    const fresh = new Headers();
    expect(await refreshSupabaseSession(request(cookieHeaderWith(session)), fresh, config)).toEqual(
      [],
    );

    const expiring = { ...session, expires_at: Math.floor(Date.now() / 1000) + 10 };
    const forwarded = new Headers();
    const setCookies = await refreshSupabaseSession(
      request(cookieHeaderWith(expiring)),
      forwarded,
      config,
    );
    expect(setCookies.length).toBeGreaterThan(0);
    const refreshed = await sessionIn(forwarded.get('cookie')!);
    expect(refreshed.refresh_token).not.toBe(session.refresh_token);
    expect(refreshed.user.id).toBe(session.user.id);
  });

  it('changes the email through the link Supabase mails to the new address', async () => {
    const { signIn } = await signedInWithSupabase();
    const headers = { cookie: cookieHeaderFrom(signIn), ...asNewCaller() };
    const newEmail = newTestEmail();
    const request = await api.postJson(
      '/me/email',
      { newEmail, currentPassword: TEST_PASSWORD },
      headers,
    );
    expect(request.status).toBe(202);
    const link = mailTo(newEmail);
    expect(link.type).toBe('email_change');
    const confirm = await api.postJson(
      '/auth/verify-email',
      { token: link.tokenHash, type: 'email_change' },
      asNewCaller(),
    );
    expect((await confirm.json()).data).toEqual({ verified: true, emailChanged: true });
    // Confirming signs nobody in (no login CSRF through someone else's link).
    expect(cookieHeaderFrom(confirm)).not.toContain(storageKey());
    const again = await api.postJson(
      '/auth/sign-in',
      { email: newEmail, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(again.status).toBe(200);
  });
});

// Two-factor is the built-in provider's: with Supabase Auth the app says so plainly
// (README, "Two-factor authentication") instead of half-enrolling anyone.
describe('two-factor with Supabase Auth', () => {
  it('reports it unavailable and refuses enrolment and codes with 501', async () => {
    const { signIn } = await signedInWithSupabase();
    const as = { cookie: cookieHeaderFrom(signIn), ...asNewCaller() };
    const status = await api.rest('/me/two-factor', { headers: as });
    expect((await status.json()).data).toEqual({
      available: false,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    expect((await dashboardCall(api, 'auth.twoFactor.enrol', undefined, as)).status).toBe(501);
    const verify = await api.postJson('/auth/two-factor/verify', { code: '123456' }, as);
    expect(verify.status).toBe(501);
  });
});
