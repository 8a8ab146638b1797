import { describe, expect, it } from 'vitest';

import {
  asNewCaller,
  lastMailTo,
  newTestEmail,
  signedInUser,
  TEST_PASSWORD,
} from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();

describe('change email', () => {
  it('changes the address only once the new one is confirmed; the old one is told', async () => {
    const { email, cookie } = await signedInUser(api, db());
    const headers = { cookie, ...asNewCaller() };
    const newEmail = newTestEmail();
    const request = await api.postJson(
      '/me/email',
      { newEmail, currentPassword: TEST_PASSWORD },
      headers,
    );
    expect(request.status).toBe(202);
    const me = async () => (await (await api.rest('/me', { headers })).json()).data;
    expect((await me()).email).toBe(email);
    expect((await lastMailTo(db(), email)).message.subject).toBe(
      'Your email address is being changed',
    );

    const { token } = await lastMailTo(db(), newEmail);
    const confirm = await api.postJson('/auth/verify-email', { token }, asNewCaller());
    expect((await confirm.json()).data).toEqual({ verified: true, emailChanged: true });
    expect(await me()).toMatchObject({ email: newEmail, emailVerified: true });
    const signIn = (address: string) =>
      api.postJson('/auth/sign-in', { email: address, password: TEST_PASSWORD }, asNewCaller());
    expect((await signIn(newEmail)).status).toBe(200);
    expect((await signIn(email)).status).toBe(401);
  });

  it('needs the current password, and refuses the current address', async () => {
    const { email, cookie } = await signedInUser(api, db());
    const headers = { cookie, ...asNewCaller() };
    const wrong = await api.postJson(
      '/me/email',
      { newEmail: newTestEmail(), currentPassword: 'not my password' },
      headers,
    );
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.details.fields[0].path).toBe('currentPassword');
    const same = await api.postJson(
      '/me/email',
      { newEmail: email, currentPassword: TEST_PASSWORD },
      headers,
    );
    expect(same.status).toBe(400);
    expect((await same.json()).error.details.fields[0].path).toBe('newEmail');
    const anonymous = await api.postJson(
      '/me/email',
      { newEmail: newTestEmail(), currentPassword: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(anonymous.status).toBe(401);
  });

  it('refuses with 409 when the address was taken before the link was opened', async () => {
    const first = await signedInUser(api, db());
    const taken = newTestEmail();
    await api.postJson(
      '/me/email',
      { newEmail: taken, currentPassword: TEST_PASSWORD },
      { cookie: first.cookie, ...asNewCaller() },
    );
    const { token } = await lastMailTo(db(), taken);
    await signedInUser(api, db(), { email: taken });
    const confirm = await api.postJson('/auth/verify-email', { token }, asNewCaller());
    expect(confirm.status).toBe(409);
  });

  it('a password reset voids a change of address requested before it (no takeover)', async () => {
    const victim = await signedInUser(api, db());
    const attackerAddress = newTestEmail();
    // Whoever holds the old password asks to move the account to their address...
    await api.postJson(
      '/me/email',
      { newEmail: attackerAddress, currentPassword: TEST_PASSWORD },
      { cookie: victim.cookie, ...asNewCaller() },
    );
    const { token: changeToken } = await lastMailTo(db(), attackerAddress);
    // ...the owner resets the password...
    await api.postJson('/auth/forgot-password', { email: victim.email }, asNewCaller());
    const { token: resetToken } = await lastMailTo(db(), victim.email);
    await api.postJson(
      '/auth/reset-password',
      { token: resetToken, newPassword: 'the owner takes it back' },
      asNewCaller(),
    );
    // ...and the pending change is gone with the old password.
    const late = await api.postJson('/auth/verify-email', { token: changeToken }, asNewCaller());
    expect(late.status).toBe(404);
  });

  it("mails both addresses in the profile's language, whatever the browser asks for", async () => {
    const { email, cookie } = await signedInUser(api, db());
    const headers = { cookie, ...asNewCaller() };
    const saved = await api.sendJson('PATCH', '/me', { locale: 'de' }, headers);
    expect(saved.status).toBe(200);
    const newEmail = newTestEmail();
    const request = await api.postJson(
      '/me/email',
      { newEmail, currentPassword: TEST_PASSWORD },
      { ...headers, 'accept-language': 'en-US' },
    );
    expect(request.status).toBe(202);
    expect((await lastMailTo(db(), email)).message.subject).toBe(
      'Ihre E-Mail-Adresse wird geändert',
    );
    expect((await lastMailTo(db(), newEmail)).message.subject).toBe(
      'Bestätigen Sie Ihre neue E-Mail-Adresse',
    );
  });
});
