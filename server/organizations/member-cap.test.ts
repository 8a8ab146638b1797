import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { organizationSteps, type TestUser } from '@/test/helpers/organizations';
import { testBilling } from '@/test/helpers/stripe';

// A free team's member cap (member-cap.ts), through the REST API, with billing on the
// local emulator as in team-billing.test.ts (the cap is what a team has not bought).
const { api, db } = testApi({ billing: () => stripe.billing() });
const stripe = testBilling(db);
const { call, teamOf, invite, memberOf } = organizationSteps(api, db);

const seatsOf = async (owner: TestUser, team: string) => {
  const overview = await call(owner, 'GET', `/organizations/${team}/billing`);
  expect(overview.status, overview.error?.message).toBe(200);
  return overview.data.usage.seats;
};

describe('the member cap of a free team', () => {
  it('caps a free team at 5 members, open invitations counted', async () => {
    const owner = await signedInUser(api, db());
    const team = await teamOf(owner);
    await memberOf(owner, team);
    await memberOf(owner, team);
    const pending = await signedInUser(api, db());
    const { token } = await invite(owner, team, pending.email);
    await invite(owner, team, `extra-${Date.now()}@example.com`);
    // 3 members and 2 open invitations: no sixth seat.
    const sixth = await call(owner, 'POST', `/organizations/${team}/invitations`, {
      email: `sixth-${Date.now()}@example.com`,
      role: 'member',
    });
    expect(sixth.status).toBe(403);
    expect(sixth.error?.message).toMatch(/Free plan allows 5 members/);
    // An invitation already out still opens the door.
    expect((await call(pending, 'POST', '/invitations/accept', { token })).status).toBe(200);
    expect(await seatsOf(owner, team)).toEqual({ used: 4, limit: 5 });
  });

  it('lets one of two racing invitees take the last free seat, and refuses the other', async () => {
    const owner = await signedInUser(api, db());
    const team = await teamOf(owner);
    await memberOf(owner, team);
    await memberOf(owner, team);
    const [first, second] = [await signedInUser(api, db()), await signedInUser(api, db())];
    const tokens = [
      (await invite(owner, team, first.email)).token,
      (await invite(owner, team, second.email)).token,
    ];
    // A fourth member arrives another way (as after a downgrade): one seat is left.
    const other = await signedInUser(api, db());
    await withServiceRole(db(), (tx) =>
      tx.execute(sql`insert into memberships (organization_id, user_id, role)
                     values (${team}, ${other.userId}, 'member')`),
    );
    const results = await Promise.all([
      call(first, 'POST', '/invitations/accept', { token: tokens[0] }),
      call(second, 'POST', '/invitations/accept', { token: tokens[1] }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
    expect(results.find((result) => result.status === 403)!.error?.message).toMatch(
      /This team is full: its Free plan allows 5 members/,
    );
    expect(await seatsOf(owner, team)).toEqual({ used: 5, limit: 5 });
  });
});
