import { describe, expect, it } from 'vitest';

import { setRole } from '@/server/auth/roles';
import { withServiceRole } from '@/db/rls';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { apiClient, testApi } from '@/test/helpers/api-client';
import { countingDb } from '@/test/helpers/counting-db';

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
});
