import { describe, expect, it } from 'vitest';

import {
  asNewCaller,
  cookieOf,
  lastMailTo,
  newTestEmail,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();
const caller = asNewCaller;

describe('email verification', () => {
  it('mails a link at sign-up; the link confirms the address once', async () => {
    const email = newTestEmail();
    const headers = asNewCaller();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, headers);
    const { link, token } = await lastMailTo(db(), email);
    // From APP_URL (or its default), never from the request's Host header.
    expect(link.origin).toBe('http://localhost:3000');
    expect(link.pathname).toBe('/verify-email');

    const confirm = () => api.postJson('/auth/verify-email', { token }, headers);
    const first = await confirm();
    expect(first.status).toBe(200);
    expect((await first.json()).data).toEqual({ verified: true, emailChanged: false });
    expect((await confirm()).status).toBe(404);

    const signIn = await api.postJson('/auth/sign-in', { email, password: TEST_PASSWORD }, headers);
    const cookie = cookieOf(signIn);
    const me = await (await api.rest('/me', { headers: { cookie, ...headers } })).json();
    expect(me.data.emailVerified).toBe(true);
  });

  it('only the newest link works, and signing in unconfirmed sends a new one', async () => {
    const email = newTestEmail();
    const headers = asNewCaller();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, headers);
    const first = (await lastMailTo(db(), email)).token;
    const early = await api.postJson('/auth/sign-in', { email, password: TEST_PASSWORD }, headers);
    expect(early.status).toBe(403);
    const second = (await lastMailTo(db(), email)).token;
    expect(second).not.toBe(first);
    expect((await api.postJson('/auth/verify-email', { token: first }, headers)).status).toBe(404);
    expect((await api.postJson('/auth/verify-email', { token: second }, headers)).status).toBe(200);
  });

  it('the wrong password on an unconfirmed account says nothing of it', async () => {
    const email = newTestEmail();
    const headers = asNewCaller();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, headers);
    const wrong = await api.postJson(
      '/auth/sign-in',
      { email, password: 'not it at all' },
      headers,
    );
    expect(wrong.status).toBe(401);
  });

  it('refuses a malformed or unknown token', async () => {
    expect((await api.postJson('/auth/verify-email', { token: 'short' }, caller())).status).toBe(
      400,
    );
    const unknown = 'A'.repeat(43);
    expect((await api.postJson('/auth/verify-email', { token: unknown }, caller())).status).toBe(
      404,
    );
  });
});
