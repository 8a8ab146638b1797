import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, userSessions } from '@/db/schema';
import { apiKeyOf, asNewCaller, cookieOf, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { softwareAuthenticator } from '@/test/helpers/software-authenticator';
import { enrolledUser } from '@/test/helpers/two-factor';

const { api, db } = testApi();

// WebAuthn takes a domain as the relying party: the browser was at localhost.
const ORIGIN = 'http://localhost:3000';
const at = (extra: Record<string, string> = {}) => ({
  host: 'localhost:3000',
  ...asNewCaller(),
  ...extra,
});
type Options = { challenge: string; rpId?: string; rp?: { id: string }; user?: { id: string } };

async function options(path: string, cookie?: string) {
  const answer = await api.postJson(path, {}, at(cookie ? { cookie } : {}));
  expect(answer.status).toBe(200);
  return (await answer.json()).data.options as Options;
}

/** A passkey made through the API as a browser would, on `site` (localhost by default). */
async function addPasskey(
  user: { cookie: string },
  device = softwareAuthenticator(),
  site = { rpId: 'localhost', origin: ORIGIN },
) {
  const created = await options('/me/passkeys/options', user.cookie);
  expect(created.rp!.id).toBe('localhost');
  const response = device.register({
    ...site,
    challenge: created.challenge,
    userId: created.user!.id,
  });
  return api.postJson('/me/passkeys', { name: 'Laptop', response }, at({ cookie: user.cookie }));
}

/** A signed-in user with one passkey. */
async function userWithPasskey() {
  const user = await signedInUser(api, db());
  const device = softwareAuthenticator();
  expect((await addPasskey(user, device)).status).toBe(201);
  return { ...user, device };
}

async function signInWith(
  device: ReturnType<typeof softwareAuthenticator>,
  ceremony: { origin?: string; challenge?: string; counterStep?: number } = {},
) {
  const challenge = ceremony.challenge ?? (await options('/auth/passkey/options')).challenge;
  const response = device.assert(
    { rpId: 'localhost', origin: ceremony.origin ?? ORIGIN, challenge },
    { counterStep: ceremony.counterStep },
  );
  return { challenge, answer: await api.postJson('/auth/passkey', { response }, at()) };
}

describe('passkeys', () => {
  it('a passkey added in the profile signs its owner in, with no address typed', async () => {
    const { userId, device } = await userWithPasskey();
    const { answer } = await signInWith(device);
    expect(answer.status).toBe(200);
    expect((await answer.json()).data).toEqual({ userId });
    const me = await api.rest('/me', { headers: { cookie: cookieOf(answer), ...asNewCaller() } });
    expect((await me.json()).data.id).toBe(userId);
    const [session] = await withServiceRole(db(), (tx) =>
      tx
        .select({ method: userSessions.method })
        .from(userSessions)
        .where(and(eq(userSessions.userId, userId), eq(userSessions.method, 'passkey'))),
    );
    expect(session?.method).toBe('passkey');
    const events = await withServiceRole(db(), (tx) =>
      tx
        .select({ action: auditLogs.action, success: auditLogs.success })
        .from(auditLogs)
        .where(eq(auditLogs.actorId, userId)),
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'auth.passkey_added', success: true },
        { action: 'auth.sign_in', success: true },
      ]),
    );
  });

  it('a passkey sign-in is the second factor itself: with 2FA on, no code is asked', async () => {
    const user = await userWithPasskey();
    await enrolledUser(api, user, asNewCaller());
    const { answer } = await signInWith(user.device);
    expect(answer.status).toBe(200);
    const me = await api.rest('/me', { headers: { cookie: cookieOf(answer), ...asNewCaller() } });
    expect(me.status).toBe(200);
  });

  it('lists them to their owner, by session or API key; changes take a session', async () => {
    const owner = await userWithPasskey();
    const listed = await api.rest('/me/passkeys', { headers: at({ cookie: owner.cookie }) });
    const [passkey] = (await listed.json()).data;
    expect(passkey).toMatchObject({ name: 'Laptop', lastUsedAt: null });
    const { key } = await apiKeyOf(api, owner, { scopes: ['profile:read', 'profile:write'] });
    const byKey = await api.rest('/me/passkeys', { headers: at({ 'x-api-key': key }) });
    expect((await byKey.json()).data).toHaveLength(1);
    const removeByKey = await api.sendJson(
      'DELETE',
      `/me/passkeys/${passkey.id}`,
      {},
      at({ 'x-api-key': key }),
    );
    expect(removeByKey.status).toBe(403);
    const optionsByKey = await api.postJson('/me/passkeys/options', {}, at({ 'x-api-key': key }));
    expect(optionsByKey.status).toBe(403);

    // Nobody else sees or removes it.
    const stranger = await signedInUser(api, db());
    const theirs = await api.rest('/me/passkeys', { headers: at({ cookie: stranger.cookie }) });
    expect((await theirs.json()).data).toEqual([]);
    const path = `/me/passkeys/${passkey.id}`;
    expect((await api.sendJson('DELETE', path, {}, at({ cookie: stranger.cookie }))).status).toBe(
      404,
    );
    const renamed = await api.sendJson(
      'PATCH',
      path,
      { name: 'Work laptop' },
      at({ cookie: owner.cookie }),
    );
    expect(renamed.status).toBe(200);
    expect((await api.sendJson('DELETE', path, {}, at({ cookie: owner.cookie }))).status).toBe(200);
    // A removed passkey signs nobody in.
    expect((await signInWith(owner.device)).answer.status).toBe(401);
  });

  it('a challenge works once', async () => {
    const { device } = await userWithPasskey();
    const first = await signInWith(device);
    expect(first.answer.status).toBe(200);
    const replay = await signInWith(device, { challenge: first.challenge });
    expect(replay.answer.status).toBe(401);
  });

  it('refuses an answer made for another site', async () => {
    const { device } = await userWithPasskey();
    const { answer } = await signInWith(device, { origin: 'https://evil.example' });
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.message).toBe(
      'This passkey did not sign you in. Try again, or sign in another way.',
    );
    // A registration made on another site is refused too.
    const user = await signedInUser(api, db());
    const evil = { rpId: 'evil.example', origin: 'https://evil.example' };
    expect((await addPasskey(user, softwareAuthenticator(), evil)).status).toBe(400);
  });

  it('refuses a cloned authenticator, whose counter falls behind', async () => {
    const { device } = await userWithPasskey();
    expect((await signInWith(device, { counterStep: 5 })).answer.status).toBe(200);
    device.rewind(2);
    expect((await signInWith(device)).answer.status).toBe(401);
  });

  it('refuses a device that did not verify its user', async () => {
    const user = await signedInUser(api, db());
    const added = await addPasskey(user, softwareAuthenticator({ userVerified: false }));
    expect(added.status).toBe(400);
  });

  it("a registration challenge is its account's only", async () => {
    const someone = await signedInUser(api, db());
    const created = await options('/me/passkeys/options', someone.cookie);
    const other = await signedInUser(api, db());
    const response = softwareAuthenticator().register({
      rpId: 'localhost',
      origin: ORIGIN,
      challenge: created.challenge,
      userId: created.user!.id,
    });
    const added = await api.postJson(
      '/me/passkeys',
      { name: 'Theirs', response },
      at({ cookie: other.cookie }),
    );
    expect(added.status).toBe(400);
    expect((await added.json()).error.message).toBe(
      'This passkey request has expired or was already used. Try again.',
    );
  });

  it('says to use a domain name at an IP address', async () => {
    const answer = await api.postJson('/auth/passkey/options', {}, at({ host: '127.0.0.1:3000' }));
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain('open this app at localhost');
  });

  it('names the field of a malformed answer', async () => {
    const answer = await api.postJson(
      '/auth/passkey',
      { response: { id: 'x', rawId: 'x', type: 'public-key', response: { signature: 'x' } } },
      at(),
    );
    expect(answer.status).toBe(400);
    const body = await answer.json();
    expect(body.error.details.fields.map((field: { path: string }) => field.path)).toContain(
      'response.response.clientDataJSON',
    );
  });
});
