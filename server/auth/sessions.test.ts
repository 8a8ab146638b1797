import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { cookieOf, signedInUser, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

const PASSWORD = TEST_PASSWORD;
const as = (cookie: string, userAgent = 'test-agent') => ({
  cookie,
  'user-agent': userAgent,
  'x-test-client-ip': uniqueClientIp(),
});

/** One account signed in on two "devices". */
async function twoDevices() {
  const { email, cookie: laptop } = await signedInUser(api, db(), { headers: as('', 'Laptop') });
  const phone = cookieOf(
    await api.postJson('/auth/sign-in', { email, password: PASSWORD }, as('', 'Phone')),
  );
  return { email, laptop, phone };
}

describe('sessions', () => {
  it("lists the caller's sessions with the current one marked, and nobody else's", async () => {
    const { laptop } = await twoDevices();
    await twoDevices(); // another user
    const list = await (await api.rest('/sessions', { headers: as(laptop) })).json();
    expect(list.data).toHaveLength(2);
    expect(list.data.map((session: { userAgent: string }) => session.userAgent).sort()).toEqual([
      'Laptop',
      'Phone',
    ]);
    expect(list.data.find((session: { current: boolean }) => session.current).userAgent).toBe(
      'Laptop',
    );
  });

  it("revokes one session; another user's session is not found", async () => {
    const { laptop, phone } = await twoDevices();
    const other = await twoDevices();
    const phoneId = (await (await api.rest('/sessions', { headers: as(phone) })).json()).data.find(
      (session: { current: boolean }) => session.current,
    ).id;
    const otherId = (await (await api.rest('/sessions', { headers: as(other.phone) })).json())
      .data[0].id;

    expect(
      (await api.rest(`/sessions/${otherId}`, { method: 'DELETE', headers: as(laptop) })).status,
    ).toBe(404);
    expect((await api.rest('/me', { headers: as(other.phone) })).status).toBe(200);

    expect(
      (await api.rest(`/sessions/${phoneId}`, { method: 'DELETE', headers: as(laptop) })).status,
    ).toBe(200);
    expect((await api.rest('/me', { headers: as(phone) })).status).toBe(401);
    expect((await api.rest('/me', { headers: as(laptop) })).status).toBe(200);
  });

  it('signs out everywhere else', async () => {
    const { laptop, phone } = await twoDevices();
    const response = await api.postJson('/sessions/revoke-others', {}, as(laptop));
    expect((await response.json()).data).toEqual({ revoked: 1 });
    expect((await api.rest('/me', { headers: as(phone) })).status).toBe(401);
    expect((await api.rest('/me', { headers: as(laptop) })).status).toBe(200);
  });

  it('changes the password only with the current one, and signs out the other sessions', async () => {
    const { email, laptop, phone } = await twoDevices();
    const wrong = await api.postJson(
      '/auth/change-password',
      { currentPassword: 'nope', newPassword: 'a brand new passphrase' },
      as(laptop),
    );
    expect(wrong.status).toBe(403);
    const weak = await api.postJson(
      '/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'password' },
      as(laptop),
    );
    expect(weak.status).toBe(400);

    const changed = await api.postJson(
      '/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      as(laptop),
    );
    expect(changed.status).toBe(200);
    expect((await api.rest('/me', { headers: as(phone) })).status).toBe(401);
    expect((await api.rest('/me', { headers: as(laptop) })).status).toBe(200);

    const oldPassword = await api.postJson('/auth/sign-in', { email, password: PASSWORD }, as(''));
    expect(oldPassword.status).toBe(401);
    const newPassword = await api.postJson(
      '/auth/sign-in',
      { email, password: 'a brand new passphrase' },
      as(''),
    );
    expect(newPassword.status).toBe(200);
  });
});

describe('privilege changes', () => {
  it('admin:grant makes an admin and ends their sessions; the next sign-in carries admin', async () => {
    const { grantAdminAsService } = await import('./grant-admin');
    const { email, laptop } = await twoDevices();
    expect(await grantAdminAsService(db(), email.toUpperCase())).toBe(true);
    expect((await api.rest('/me', { headers: as(laptop) })).status).toBe(401);

    const again = cookieOf(
      await api.postJson('/auth/sign-in', { email, password: PASSWORD }, as('')),
    );
    const me = await (await api.rest('/me', { headers: as(again) })).json();
    expect(me.data.role).toBe('admin');
    expect(me.data.permissions).toContain('admin');
    expect(await grantAdminAsService(db(), `nobody-${randomUUID()}@example.com`)).toBe(false);
  });

  it('signing in again from the same browser ends its previous session', async () => {
    const { email, laptop } = await twoDevices();
    const fresh = cookieOf(
      await api.postJson('/auth/sign-in', { email, password: PASSWORD }, as(laptop)),
    );
    expect(fresh).not.toBe(laptop);
    expect((await api.rest('/me', { headers: as(laptop) })).status).toBe(401);
    expect((await api.rest('/me', { headers: as(fresh) })).status).toBe(200);
  });
});
