import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { apiKeyLookups } from '@/server/pipeline-deps';
import { identifyByApiKey } from '@/server/api-keys/verify';
import { asNewCaller, cookieOf, signedInUser, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { testScope } from '@/test/helpers/scope';

import { setRole } from './roles';
import { listSessionsOf } from './session-list';
import { findSessionAsService, revokeSession, revokeSessionsOf } from './sessions';
import { onUserChanged } from './user-changed';

const { api, db } = testApi();

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

/** A user signed in on `devices` browsers: their session tokens, oldest first. */
async function signedInOn(devices: number) {
  const user = await signedInUser(api, db());
  const tokens = [tokenOf(user.cookie)];
  while (tokens.length < devices) {
    const signIn = await api.postJson(
      '/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    tokens.push(tokenOf(cookieOf(signIn)));
  }
  const sessionIds = await Promise.all(
    tokens.map(async (token) => (await findSessionAsService(db(), token))!.id),
  );
  return { ...user, tokens, sessionIds };
}

const asService = <T>(fn: Parameters<typeof withServiceRole<T>>[1]) => withServiceRole(db(), fn);
const works = async (token: string) => (await findSessionAsService(db(), token)) !== null;

describe('revokeSession and revokeSessionsOf', () => {
  it('ends one session, only of the user named, once; a revoked session is refused', async () => {
    const ada = await signedInOn(2);
    const bob = await signedInOn(1);
    const [first, second] = ada.sessionIds as [string, string];
    expect(await asService((tx) => revokeSession(tx, first, { userId: bob.userId }))).toBe(false);
    expect(await works(ada.tokens[0]!)).toBe(true);
    expect(await asService((tx) => revokeSession(tx, first, { userId: ada.userId }))).toBe(true);
    expect(await asService((tx) => revokeSession(tx, first))).toBe(false);
    expect(await works(ada.tokens[0]!)).toBe(false);
    expect(await works(ada.tokens[1]!)).toBe(true);
    const listed = await asService((tx) => listSessionsOf(tx, ada.userId));
    expect(Object.fromEntries(listed.map((session) => [session.id, session.active]))).toEqual({
      [first]: false,
      [second]: true,
    });
  });

  it("ends every live session of a user but the one kept, and nobody else's", async () => {
    const ada = await signedInOn(3);
    const bob = await signedInOn(1);
    const kept = ada.sessionIds[2]!;
    expect(await asService((tx) => revokeSessionsOf(tx, ada.userId, { except: kept }))).toBe(2);
    expect(await Promise.all(ada.tokens.map(works))).toEqual([false, false, true]);
    expect(await asService((tx) => revokeSessionsOf(tx, ada.userId))).toBe(1);
    expect(await works(ada.tokens[2]!)).toBe(false);
    expect(await works(bob.tokens[0]!)).toBe(true);
  });
});

describe('setRole', () => {
  it('returns the role before, writes only a change, and knows no unknown user', async () => {
    const ada = await signedInUser(api, db());
    expect(await asService((tx) => setRole(tx, randomUUID(), 'admin'))).toBeNull();
    expect(await asService((tx) => setRole(tx, ada.userId, 'admin'))).toEqual({ from: 'user' });
    expect(await asService((tx) => setRole(tx, ada.userId, 'admin'))).toEqual({ from: 'admin' });
    expect(await asService((tx) => setRole(tx, ada.userId, 'user'))).toEqual({ from: 'admin' });
  });

  it('with an acting admin, refuses one who is no longer an admin', async () => {
    const ada = await signedInUser(api, db());
    const bob = await signedInUser(api, db());
    await expect(
      asService((tx) => setRole(tx, bob.userId, 'admin', { by: ada.userId })),
    ).rejects.toThrow(/no longer an admin/);
    await asService((tx) => setRole(tx, ada.userId, 'admin'));
    expect(await asService((tx) => setRole(tx, bob.userId, 'admin', { by: ada.userId }))).toEqual({
      from: 'user',
    });
  });
});

describe('onUserChanged', () => {
  it('makes a changed role visible through a cached API key at once', async () => {
    const ada = await signedInUser(api, db());
    await asService((tx) => setRole(tx, ada.userId, 'admin'));
    await onUserChanged(ada.userId);
    const created = await api.postJson(
      '/api-keys',
      { name: 'ops', scopes: ['profile:read', 'admin'] },
      { cookie: ada.cookie, ...asNewCaller() },
    );
    expect(created.status).toBe(201);
    const { key } = (await created.json()).data as { key: string };
    const permissions = async () => {
      const identity = await identifyByApiKey(key, db(), testScope(), apiKeyLookups);
      return identity.kind === 'user' ? identity.permissions : [];
    };
    expect(await permissions()).toContain('admin'); // now cached

    await asService((tx) => setRole(tx, ada.userId, 'user'));
    // The cache still holds the admin it read: what onUserChanged is for.
    expect(await permissions()).toContain('admin');
    await onUserChanged(ada.userId);
    expect(await permissions()).toEqual(['profile:read']);
  });
});
