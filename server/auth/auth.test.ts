import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { auditLogs } from '@/db/schema';
import {
  asNewCaller,
  cookieOf,
  lastMailTo,
  newTestEmail,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();

const PASSWORD = TEST_PASSWORD;
const caller = asNewCaller;
const newEmail = newTestEmail;
const signUp = (email = newEmail(), displayName = 'Ada') =>
  signedInUser(api, db(), { email, displayName });

describe('built-in provider over REST', () => {
  it('signs up without signing in: the session starts after the address is confirmed', async () => {
    const email = newEmail();
    const headers = caller();
    const response = await api.postJson('/auth/sign-up', { email, password: PASSWORD }, headers);
    expect(response.status).toBe(202);
    expect(response.headers.get('set-cookie')).toBeNull();

    const early = await api.postJson('/auth/sign-in', { email, password: PASSWORD }, headers);
    expect(early.status).toBe(403);
    expect(early.headers.get('set-cookie')).toBeNull();
    expect((await early.json()).error.message).toMatch(/confirm your email/i);

    const { token } = await lastMailTo(db(), email);
    expect((await api.postJson('/auth/verify-email', { token }, headers)).status).toBe(200);
    const signIn = await api.postJson('/auth/sign-in', { email, password: PASSWORD }, headers);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('set-cookie')).toMatch(
      /^lean_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
  });

  it('knows the caller afterwards: GET /api/v1/me', async () => {
    const { cookie, email, userId } = await signUp();
    const me = await api.rest('/me', { headers: { cookie, ...caller() } });
    expect(me.status).toBe(200);
    expect((await me.json()).data).toMatchObject({
      id: userId,
      email,
      displayName: 'Ada',
      role: 'user',
      permissions: expect.arrayContaining(['profile:read', 'profile:write']),
    });
  });

  it('answers /me with 401 without credentials', async () => {
    const me = await api.rest('/me', { headers: caller() });
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('updates the profile, refuses role, and audits the change', async () => {
    const { cookie, userId } = await signUp();
    const updated = await api.sendJson(
      'PATCH',
      '/me',
      { displayName: "O'Brien'); reset role;--" },
      {
        cookie,
        ...caller(),
      },
    );
    expect(updated.status).toBe(200);
    expect((await updated.json()).data.displayName).toBe("O'Brien'); reset role;--");

    const escalate = await api.sendJson(
      'PATCH',
      '/me',
      { displayName: 'x', role: 'admin' },
      { cookie, ...caller() },
    );
    expect(escalate.status).toBe(400);
    const me = await (await api.rest('/me', { headers: { cookie, ...caller() } })).json();
    expect(me.data.role).toBe('user');

    const events = await db().select().from(auditLogs).where(eq(auditLogs.actorId, userId));
    expect(events.map((event) => event.action).sort()).toEqual([
      'auth.email_verified',
      'auth.sign_in',
      'auth.sign_up',
      'profile.updated',
    ]);
  });

  it('keeps the language on the profile, one of ours or none', async () => {
    const { cookie } = await signUp();
    const set = await api.sendJson('PATCH', '/me', { locale: 'de' }, { cookie, ...caller() });
    expect(set.status).toBe(200);
    expect((await set.json()).data.locale).toBe('de');
    // Read back through the cached profile: the change reached it.
    const me = await (await api.rest('/me', { headers: { cookie, ...caller() } })).json();
    expect(me.data.locale).toBe('de');

    const unknown = await api.sendJson('PATCH', '/me', { locale: 'fr' }, { cookie, ...caller() });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify((await unknown.json()).error)).toContain(
      'The language must be one of en, de',
    );

    const cleared = await api.sendJson('PATCH', '/me', { locale: null }, { cookie, ...caller() });
    expect((await cleared.json()).data.locale).toBeNull();
  });

  it('signs in with the right password only, with one message for every failure', async () => {
    const { email, userId } = await signUp();
    const wrong = await api.postJson(
      '/auth/sign-in',
      { email, password: 'not the password' },
      caller(),
    );
    const unknown = await api.postJson(
      '/auth/sign-in',
      { email: newEmail(), password: PASSWORD },
      caller(),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);

    const right = await api.postJson(
      '/auth/sign-in',
      { email: email.toUpperCase(), password: PASSWORD },
      caller(),
    );
    expect(right.status).toBe(200);
    expect(cookieOf(right)).toMatch(/^lean_session=/);

    const events = await db().select().from(auditLogs).where(eq(auditLogs.actorId, userId));
    const signIns = events
      .filter((event) => event.action === 'auth.sign_in')
      .map((event) => event.success);
    // The helper's sign-in, the wrong password, the right one.
    expect(signIns.sort()).toEqual([false, true, true]);
  });

  it('applies NIST password rules at sign-up', async () => {
    for (const password of ['short', 'password123', 'qwertyuiop']) {
      const response = await api.postJson(
        '/auth/sign-up',
        { email: newEmail(), password },
        caller(),
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error.details.fields[0].path).toBe('password');
    }
  });

  it('answers a second sign-up exactly like the first, and mails the owner instead', async () => {
    const { email, userId } = await signUp();
    const again = await api.postJson(
      '/auth/sign-up',
      { email, password: 'another long passphrase' },
      caller(),
    );
    const fresh = await api.postJson(
      '/auth/sign-up',
      { email: newEmail(), password: 'another long passphrase' },
      caller(),
    );
    expect(again.status).toBe(202);
    expect((await again.json()).data).toEqual((await fresh.json()).data);
    const { message } = await lastMailTo(db(), email);
    expect(message.subject).toBe('You already have an account');
    // The account and its password are untouched.
    const signIn = await api.postJson('/auth/sign-in', { email, password: PASSWORD }, caller());
    expect((await signIn.json()).data.userId).toBe(userId);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const { cookie } = await signUp();
    const out = await api.postJson('/auth/sign-out', {}, { cookie, ...caller() });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^lean_session=; .*Max-Age=0/);
    expect((await api.rest('/me', { headers: { cookie, ...caller() } })).status).toBe(401);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const { email } = await signUp();
    const forged = await api.postJson(
      '/auth/sign-in',
      { email, password: PASSWORD },
      {
        ...caller(),
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
  });

  it('refuses cross-site state changes made with the cookie (CSRF)', async () => {
    const { cookie } = await signUp();
    const body = { displayName: 'Mallory' };
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const response = await api.sendJson('PATCH', '/me', body, {
        cookie,
        ...caller(),
        ...headers,
      });
      expect(response.status).toBe(403);
    }
    const me = await (await api.rest('/me', { headers: { cookie, ...caller() } })).json();
    expect(me.data.displayName).toBe('Ada');

    const sameOrigin = await api.sendJson('PATCH', '/me', body, {
      cookie,
      ...caller(),
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(200);
  });

  // Under `npm start` request.url carries the bind address (0.0.0.0), and browsers
  // send no Sec-Fetch-Site to a plain-http LAN address: only Origin and Host.
  const atLanAddress = (path: string, headers: Record<string, string>, body: unknown) =>
    api.rest(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...caller(), ...headers },
      body: JSON.stringify(body),
    });

  it('signs in at a LAN address over plain http, with a cookie that works there', async () => {
    const { email } = await signUp();
    const lan = { host: '192.168.1.20:3000', origin: 'http://192.168.1.20:3000' };
    const response = await atLanAddress('/auth/sign-in', lan, { email, password: PASSWORD });
    expect(response.status).toBe(200);
    // Not __Host-/Secure: a browser drops Secure cookies set over plain http.
    expect(response.headers.get('set-cookie')).toMatch(/^lean_session=[^;]+; Path=\/; /);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('uses the __Host- Secure cookie when a proxy says the browser used https', async () => {
    const { email } = await signUp();
    const headers = {
      host: 'app.example.com',
      origin: 'https://app.example.com',
      'x-forwarded-proto': 'https',
    };
    const response = await atLanAddress('/auth/sign-in', headers, { email, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-lean_session=.*; Secure$/);
  });

  it('still refuses a cross-site sign-in that carries only an Origin', async () => {
    const { email } = await signUp();
    for (const origin of ['http://evil.example', 'http://192.168.1.20:3001', 'null']) {
      const forged = await atLanAddress(
        '/auth/sign-in',
        { host: '192.168.1.20:3000', origin },
        { email, password: PASSWORD },
      );
      expect(forged.status, origin).toBe(403);
      expect(forged.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('mails in the language of the request that caused them', () => {
  const signUpWith = async (headers: Record<string, string>, email = newEmail()) => {
    const response = await api.postJson(
      '/auth/sign-up',
      { email, password: PASSWORD },
      { ...caller(), ...headers },
    );
    expect(response.status).toBe(202);
    return lastMailTo(db(), email);
  };

  it('confirms a sign-up in German for a browser that asks for German', async () => {
    const { message, link, token } = await signUpWith({
      'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
    });
    expect(message.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse');
    expect(message.textBody).toContain('Sie erhalten diese E-Mail, weil');
    expect(message.textBody).not.toContain('You got this email');
    expect(link.pathname).toBe('/verify-email');
    expect(token).toBeTruthy();
  });

  it('follows the language cookie before Accept-Language, and is English by default', async () => {
    const german = await signUpWith({ cookie: 'locale=de', 'accept-language': 'en-US' });
    expect(german.message.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse');
    const english = await signUpWith({ cookie: 'locale=en', 'accept-language': 'de' });
    expect(english.message.subject).toBe('Confirm your email address');
    const plain = await signUpWith({});
    expect(plain.message.subject).toBe('Confirm your email address');
    expect(plain.message.textBody).toContain('You got this email because');
  });

  it('tells an existing account in the language of the second sign-up', async () => {
    const { email } = await signUp();
    const { message } = await signUpWith({ 'accept-language': 'de' }, email);
    expect(message.subject).toBe('Sie haben bereits ein Konto');
  });

  it('sends a password reset link in the language of the request', async () => {
    const { email } = await signUp();
    const response = await api.postJson(
      '/auth/forgot-password',
      { email },
      { ...caller(), 'accept-language': 'de' },
    );
    expect(response.status).toBe(202);
    const { message } = await lastMailTo(db(), email);
    expect(message.subject).toBe('Setzen Sie Ihr Passwort zurück');
  });

  it("writes to an existing account in its owner's language, whoever asks", async () => {
    const { email, cookie } = await signUp();
    await api.sendJson('PATCH', '/me', { locale: 'de' }, { cookie, ...caller() });

    // Someone else's English browser asks for a reset, then signs up with the address.
    await api.postJson(
      '/auth/forgot-password',
      { email },
      { ...caller(), 'accept-language': 'en' },
    );
    expect((await lastMailTo(db(), email)).message.subject).toBe('Setzen Sie Ihr Passwort zurück');
    const { message } = await signUpWith({ 'accept-language': 'en' }, email);
    expect(message.subject).toBe('Sie haben bereits ein Konto');
  });
});
