import { describe, expect, it } from 'vitest';

import { setRole } from '@/server/auth/roles';
import { withServiceRole } from '@/db/rls';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { apiClient, testApi } from '@/test/helpers/api-client';
import { countingDb } from '@/test/helpers/counting-db';
import { overtakenBy } from '@/test/helpers/racing-db';

import { forgetSessionsOf, sessionCache, tokenKey } from './session-cache';
import { findSessionAsService } from './sessions';
import { hashSessionToken } from './session-token';
import { onUserChanged } from './user-changed';

const { api, db } = testApi();

const meVia = (client: ReturnType<typeof apiClient>, cookie: string) =>
  client.trpc('me.get', { headers: { cookie, ...asNewCaller() } });

describe('a cached session', () => {
  it('a warm request with a session makes no query', async () => {
    const { cookie } = await signedInUser(api, db());
    const { counted, counter } = countingDb(db());
    const client = apiClient(counted);
    expect((await meVia(client, cookie)).status).toBe(200);
    const afterFirst = counter.transactions;
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await meVia(client, cookie)).status).toBe(200);
    expect(counter.transactions).toBe(afterFirst);
  });

  it('signing out refuses the cookie at once, though it was warm', async () => {
    const { cookie } = await signedInUser(api, db());
    expect((await meVia(api, cookie)).status).toBe(200);
    const signOut = await api.postJson('/auth/sign-out', {}, { cookie, ...asNewCaller() });
    expect(signOut.status).toBe(200);
    expect((await meVia(api, cookie)).status).toBe(401);
  });

  it('a role change reaches a warm session at once (its claims carry the role)', async () => {
    const { cookie, userId } = await signedInUser(api, db());
    const isAdmin = async () => {
      const me = (await (await meVia(api, cookie)).json()).result.data.json;
      return me.permissions.includes('admin');
    };
    expect(await isAdmin()).toBe(false);
    await withServiceRole(db(), (tx) => setRole(tx, userId, 'admin'));
    await onUserChanged(userId);
    expect(await isAdmin()).toBe(true);
  });

  it('a cached copy older than the bound is read again, whichever level it came from', async () => {
    const { cookie } = await signedInUser(api, db());
    const token = cookie.slice(cookie.indexOf('=') + 1);
    const live = (await findSessionAsService(db(), token))!;
    const stale = { ...live, verifiedAt: Date.now() - 6_000 };
    await sessionCache().set(tokenKey(hashSessionToken(token)), stale, { ttlSeconds: 5 });
    const { counted, counter } = countingDb(db());
    expect(await findSessionAsService(counted, token)).not.toBeNull();
    expect(counter.transactions).toBe(1);
  });

  it('a read that a revocation overtook does not put the session back in the cache', async () => {
    const { cookie, userId } = await signedInUser(api, db());
    const token = cookie.slice(cookie.indexOf('=') + 1);
    await sessionCache().delete(tokenKey(hashSessionToken(token)));
    // The first read's transaction starts only after the user's sessions were dropped,
    // as when a revocation commits while the read is on its way.
    const racing = overtakenBy(db(), () => forgetSessionsOf(userId));
    expect(await findSessionAsService(racing, token)).not.toBeNull();
    const { counted, counter } = countingDb(db());
    await findSessionAsService(counted, token);
    expect(counter.transactions).toBe(1);
  });
});
