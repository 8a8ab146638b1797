import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { asNewCaller, newTestEmail, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';
import {
  startSupabaseAuthStandIn,
  type SupabaseAuthStandIn,
} from '@/test/fakes/supabase-auth-stand-in';

import type { AuthProvider } from '../provider';

import { supabaseAuthProvider } from './provider';

const lines = vi.hoisted(() => [] as string[]);
vi.mock('@/server/platform/observability/logger', async (importOriginal) => {
  const { loggerInto } = await import('@/test/helpers/captured-logs');
  return loggerInto(await importOriginal(), lines, 'warn');
});

/** An address where nothing listens: a Supabase that is down. */
async function closedPortUrl() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

// Passwordless sign-in through the real supabase-js (signInWithOtp, verifyOtp),
// against the local stand-in of Supabase Auth.
let standIn: SupabaseAuthStandIn;
let provider: AuthProvider;
const { api, db } = testApi({ auth: () => provider });

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({ db: db() });
  provider = supabaseAuthProvider({ url: standIn.url, publishableKey: standIn.publishableKey });
});
afterAll(() => standIn.close());

const mailTo = (to: string) => standIn.emails.findLast((mail) => mail.to === to);

async function confirmedAccount() {
  const email = newTestEmail();
  await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, asNewCaller());
  const confirm = await api.postJson(
    '/auth/verify-email',
    { token: mailTo(email)!.tokenHash, type: 'email' },
    asNewCaller(),
  );
  expect(confirm.status).toBe(200);
  return email;
}

const request = (email: string) => api.postJson('/auth/email-sign-in', { email }, asNewCaller());

describe('passwordless sign-in with Supabase Auth', () => {
  it('mails a magic link that signs in once, by POST', async () => {
    const email = await confirmedAccount();
    expect((await request(email)).status).toBe(202);
    const mail = mailTo(email)!;
    expect(mail.type).toBe('magiclink');
    const byLink = () =>
      api.postJson('/auth/email-sign-in/link', { token: mail.tokenHash }, asNewCaller());
    const signedIn = await byLink();
    expect(signedIn.status).toBe(200);
    const me = await api.rest('/me', { headers: { cookie: cookieHeaderFrom(signedIn) } });
    expect((await me.json()).data.email).toBe(email);
    expect((await byLink()).status).toBe(404);
    // The code of the same mail went with it.
    const byCode = await api.postJson(
      '/auth/email-sign-in/code',
      { email, code: mail.code },
      asNewCaller(),
    );
    expect(byCode.status).toBe(401);
  });

  it('signs in with the code, once; a wrong code is refused', async () => {
    const email = await confirmedAccount();
    await request(email);
    const { code } = mailTo(email)!;
    const byCode = (value: string) =>
      api.postJson('/auth/email-sign-in/code', { email, code: value }, asNewCaller());
    expect((await byCode(code === '000000' ? '111111' : '000000')).status).toBe(401);
    const signedIn = await byCode(code!);
    expect(signedIn.status).toBe(200);
    expect(cookieHeaderFrom(signedIn)).not.toBe('');
    expect((await byCode(code!)).status).toBe(401);
  });

  it('answers an unknown address as a known one, and mails it nothing', async () => {
    const known = await request(await confirmedAccount());
    const unknownEmail = newTestEmail();
    const unknown = await request(unknownEmail);
    expect(unknown.status).toBe(202);
    expect((await unknown.json()).data).toEqual((await known.json()).data);
    expect(mailTo(unknownEmail)).toBeUndefined();
  });

  it('answers alike while Supabase is down, and logs the failure instead', async () => {
    const reachable = provider;
    provider = supabaseAuthProvider({
      url: await closedPortUrl(),
      publishableKey: standIn.publishableKey,
    });
    lines.length = 0;
    // supabase-js prints the failed fetch itself; the test reads our log instead.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const email = newTestEmail();
      for (const path of ['/auth/email-sign-in', '/auth/forgot-password']) {
        const answer = await api.postJson(path, { email }, asNewCaller());
        expect(answer.status).toBe(202);
      }
    } finally {
      provider = reachable;
      printed.mockRestore();
    }
    const failed = lines.map((line) => JSON.parse(line)).filter((l) => l.task);
    expect(failed.map((l) => l.task)).toEqual(['sign-in mail', 'password reset mail']);
  });
});
