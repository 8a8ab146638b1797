import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { apiKeyLookups } from '@/server/pipeline-deps';
import { apiKeyOf, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { countingDb } from '@/test/helpers/counting-db';
import { overtakenBy } from '@/test/helpers/racing-db';
import { testScope } from '@/test/helpers/scope';

import { forgetApiKey, revokeApiKey } from './service';
import { identifyByApiKey } from './verify';

const { api, db } = testApi();

describe('revokeApiKey', () => {
  it("revokes a live key of the user named, once, and never another user's", async () => {
    const ada = await signedInUser(api, db());
    const bob = await signedInUser(api, db());
    const { key, id } = await apiKeyOf(api, ada);
    await identifyByApiKey(key, db(), testScope(), apiKeyLookups); // cached

    const revoke = (userId: string) =>
      withServiceRole(db(), (tx) => revokeApiKey(tx, id, { userId }));
    expect(await revoke(bob.userId)).toBeNull();
    expect(await identifyByApiKey(key, db(), testScope(), apiKeyLookups)).toMatchObject({
      apiKeyId: id,
    });
    const revoked = await revoke(ada.userId);
    expect(revoked).toMatchObject({ id, userId: ada.userId });
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(await revoke(ada.userId)).toBeNull();

    await forgetApiKey(id);
    await expect(identifyByApiKey(key, db(), testScope(), apiKeyLookups)).rejects.toThrow(
      /revoked/,
    );
  });

  it('a read that a revocation overtook does not put the key back in the cache', async () => {
    const ada = await signedInUser(api, db());
    const { key, id } = await apiKeyOf(api, ada);
    // The revocation is forgotten while the verification's read is under way.
    const racing = overtakenBy(db(), () => forgetApiKey(id));
    expect(await identifyByApiKey(key, racing, testScope(), apiKeyLookups)).toMatchObject({
      apiKeyId: id,
    });
    const { counted, counter } = countingDb(db());
    await identifyByApiKey(key, counted, testScope(), apiKeyLookups);
    expect(counter.transactions).toBe(1);
    // Read without a race, it is cached: the next verification makes no query.
    await identifyByApiKey(key, counted, testScope(), apiKeyLookups);
    expect(counter.transactions).toBe(1);
  });
});
