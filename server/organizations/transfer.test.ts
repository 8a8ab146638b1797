import { describe, expect, it } from 'vitest';

import { signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { organizationSteps } from '@/test/helpers/organizations';

const { api, db } = testApi();
const { call, teamOf, memberOf } = organizationSteps(api, db);

const rolesIn = async (user: Parameters<typeof call>[0], org: string) =>
  Object.fromEntries(
    (await call(user, 'GET', `/organizations/${org}/members`)).data.items.map(
      (member: { userId: string; role: string }) => [member.userId, member.role],
    ),
  );

describe('transferring ownership', () => {
  it('makes the member the owner and the owner an admin, in one step, audited', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'member');
    const moved = await call(ada, 'POST', `/organizations/${acme}/transfer-ownership`, {
      userId: bob.userId,
    });
    expect(moved).toMatchObject({ status: 200, data: { owner: bob.userId, admin: ada.userId } });
    expect(await rolesIn(ada, acme)).toEqual({ [ada.userId]: 'admin', [bob.userId]: 'owner' });
    const events = await call(
      bob,
      'GET',
      `/organizations/${acme}/audit-events?action=organization.ownership_transferred`,
    );
    expect(events.data.items).toEqual([
      expect.objectContaining({
        actorId: ada.userId,
        details: expect.objectContaining({ userId: bob.userId, from: 'member' }),
      }),
    ]);
    // Now an admin, Ada can no longer hand it over.
    const back = await call(ada, 'POST', `/organizations/${acme}/transfer-ownership`, {
      userId: ada.userId,
    });
    expect(back.status).toBe(403);
  });

  it('refuses oneself, an owner, someone outside, and a caller who is not an owner', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const carol = await memberOf(ada, acme, 'admin');
    const stranger = await signedInUser(api, db());
    const to = (caller: typeof ada, userId: string) =>
      call(caller, 'POST', `/organizations/${acme}/transfer-ownership`, { userId });
    expect((await to(ada, ada.userId)).status).toBe(409);
    expect((await to(ada, stranger.userId)).status).toBe(404);
    expect((await to(carol, carol.userId)).status).toBe(403);
    expect((await to(ada, 'not-a-uuid')).status).toBe(400);
    expect(await rolesIn(ada, acme)).toEqual({ [ada.userId]: 'owner', [carol.userId]: 'admin' });
  });

  it('hands over once when the owner hands over twice at the same time', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'member');
    const carol = await memberOf(ada, acme, 'member');
    const results = await Promise.all(
      [bob, carol].map((member) =>
        call(ada, 'POST', `/organizations/${acme}/transfer-ownership`, { userId: member.userId }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
    const roles = await rolesIn(ada, acme);
    expect(Object.values(roles).filter((role) => role === 'owner')).toHaveLength(1);
    expect(roles[ada.userId]).toBe('admin');
  });
});
