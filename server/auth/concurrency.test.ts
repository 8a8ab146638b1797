import { describe, expect, it } from 'vitest';

import { signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

async function newUser(displayName: string) {
  const { userId, cookie } = await signedInUser(api, db(), { displayName });
  return { id: userId, cookie };
}

describe('claims under concurrency', () => {
  it('200 interleaved requests from two users each see only their own row', async () => {
    const [alice, bob] = [await newUser('alice'), await newUser('bob')];
    // Each user calls from one address, within the free tier's 100 requests.
    const addresses = { [alice.id]: uniqueClientIp(), [bob.id]: uniqueClientIp() };
    const calls = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? alice : bob));
    const results = await Promise.all(
      calls.map(async (user) => {
        const response = await api.rest('/me', {
          headers: { cookie: user.cookie, 'x-test-client-ip': addresses[user.id]! },
        });
        return { expected: user.id, status: response.status, body: await response.json() };
      }),
    );
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.body.data.id).toBe(result.expected);
    }
  });
});
