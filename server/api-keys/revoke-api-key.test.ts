import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { testScope } from '@/test/helpers/scope';

import { forgetApiKey, revokeApiKey } from './service';
import { accountClaimsOf } from '@/server/auth/account-claims';
import { identifyByApiKey } from './verify';

const { api, db } = testApi();

describe('revokeApiKey', () => {
  it("revokes a live key of the user named, once, and never another user's", async () => {
    const ada = await signedInUser(api, db());
    const bob = await signedInUser(api, db());
    const created = await api.postJson(
      '/api-keys',
      { name: 'ci', scopes: ['profile:read'] },
      { cookie: ada.cookie, ...asNewCaller() },
    );
    const { key, apiKey } = (await created.json()).data as { key: string; apiKey: { id: string } };
    await identifyByApiKey(key, db(), testScope(), accountClaimsOf); // cached

    const revoke = (userId: string) =>
      withServiceRole(db(), (tx) => revokeApiKey(tx, userId, apiKey.id));
    expect(await revoke(bob.userId)).toBeNull();
    expect(await identifyByApiKey(key, db(), testScope(), accountClaimsOf)).toMatchObject({
      apiKeyId: apiKey.id,
    });
    const revoked = await revoke(ada.userId);
    expect(revoked).toMatchObject({ id: apiKey.id, userId: ada.userId });
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(await revoke(ada.userId)).toBeNull();

    await forgetApiKey(apiKey.id);
    await expect(identifyByApiKey(key, db(), testScope(), accountClaimsOf)).rejects.toThrow(
      /revoked/,
    );
  });
});
