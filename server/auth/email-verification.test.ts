import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { listOutboxAsService } from '@/server/mail/mailer';
import { testApi } from '@/server/testing/api-client';
import { uniqueClientIp } from '@/server/testing/scope';

const { api, db } = testApi();
const caller = () => ({ 'x-test-client-ip': uniqueClientIp() });

describe('email verification', () => {
  it('mails a link at sign-up; the link confirms the address once', async () => {
    const email = `verify-${randomUUID()}@example.com`;
    const signUp = await api.postJson(
      '/auth/sign-up',
      { email, password: 'purple elephant running' },
      caller(),
    );
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const me = async () =>
      (await (await api.rest('/me', { headers: { cookie, ...caller() } })).json()).data;
    expect((await me()).emailVerified).toBe(false);

    const message = (await listOutboxAsService(db())).find((entry) => entry.toAddress === email)!;
    const link = new URL(message.textBody.match(/https?:\/\/\S+/)![0]);
    expect(link.origin).toBe('http://localhost');
    expect(link.pathname).toBe('/verify-email');
    const token = link.searchParams.get('token')!;

    const confirm = () => api.postJson('/auth/verify-email', { token }, caller());
    expect((await confirm()).status).toBe(200);
    expect((await me()).emailVerified).toBe(true);
    expect((await confirm()).status).toBe(404);
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
