import { describe, expect, it } from 'vitest';

import { signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { newSlug, organizationSteps } from '@/test/helpers/organizations';

const { api, db } = testApi();
const { call, teamOf, memberOf, keyOf } = organizationSteps(api, db);

describe("an organization's API keys", () => {
  it('act only in their organization, with what the scopes and the creator’s role there allow', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const key = await keyOf(ada, acme, ['members:read', 'invitations:write']);

    const me = await call(key, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({
      id: ada.userId,
      permissions: [],
      organization: {
        id: acme,
        personal: false,
        role: 'owner',
        permissions: ['members:read', 'invitations:write'],
      },
    });
    const members = await call(key, 'GET', `/organizations/${acme}/members`);
    expect(members.status).toBe(200);
    expect(members.data.items).toEqual([expect.objectContaining({ userId: ada.userId })]);
    const listed = await call(key, 'GET', '/organizations');
    expect(listed.data.items.map((org: { id: string }) => org.id)).toEqual([acme]);

    // Not its scopes, not another organization of its creator, not the creator's account.
    const rename = await call(key, 'PATCH', `/organizations/${acme}`, { name: 'Renamed' });
    expect(rename.status).toBe(403);
    expect(rename.error?.message).toMatch(/organization:write/);
    const personal = (await call(ada, 'GET', '/organizations')).data.items.find(
      (org: { personal: boolean }) => org.personal,
    );
    const elsewhere = await call(key, 'GET', `/organizations/${personal.id}/members`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.error?.message).toMatch(/only in its own organization/);
    expect((await call(key, 'GET', '/api-keys')).status).toBe(403);
    expect((await call(key, 'GET', '/sessions')).status).toBe(403);
    expect((await call(key, 'GET', '/billing/subscription')).status).toBe(403);
    // Calls about the person, not one organization.
    expect((await call(key, 'POST', '/organizations', { name: 'X', slug: newSlug() })).status).toBe(
      403,
    );
    expect((await call(key, 'POST', `/organizations/${acme}/leave`)).status).toBe(403);
  });

  it('a key of A never acts in B, even when its creator belongs to both', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'admin');
    const bobs = await teamOf(bob);
    const keyOfAcme = await keyOf(bob, acme, ['members:read']);
    expect((await call(keyOfAcme, 'GET', `/organizations/${acme}/members`)).status).toBe(200);
    for (const path of ['', '/members', '/api-keys', '/audit-events']) {
      expect((await call(keyOfAcme, 'GET', `/organizations/${bobs}${path}`)).status).toBe(403);
    }
    const listed = await call(keyOfAcme, 'GET', '/organizations');
    expect(listed.data.items.map((org: { id: string }) => org.id)).toEqual([acme]);
  });

  it('never hold more than the creator’s role there allows, at creation or later', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'admin');
    const tooMuch = await call(bob, 'POST', `/organizations/${acme}/api-keys`, {
      name: 'x',
      scopes: ['organization:delete'],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.error?.message).toMatch(/organization:delete/);
    const notAnOrganizationScope = await call(bob, 'POST', `/organizations/${acme}/api-keys`, {
      name: 'x',
      scopes: ['profile:read'],
    });
    expect(notAnOrganizationScope.status).toBe(400);

    const key = await keyOf(bob, acme, ['members:read', 'invitations:write', 'api-keys:write']);
    expect((await call(key, 'GET', `/organizations/${acme}/invitations`)).status).toBe(200);
    // A key makes keys only within its own scopes, though its creator's role allows more.
    const wider = await call(key, 'POST', `/organizations/${acme}/api-keys`, {
      name: 'wider',
      scopes: ['members:write'],
    });
    expect(wider.status).toBe(400);
    expect(wider.error?.message).toMatch(/beyond yours: members:write/);
    await keyOf(key, acme, ['members:read']);

    // Demoted: the key narrows at once (the cached copy is dropped with the change).
    const demoted = await call(ada, 'PATCH', `/organizations/${acme}/members/${bob.userId}`, {
      role: 'member',
    });
    expect(demoted.status).toBe(200);
    expect((await call(key, 'GET', `/organizations/${acme}/invitations`)).status).toBe(403);
    expect((await call(key, 'GET', '/me')).data.organization).toMatchObject({
      role: 'member',
      permissions: ['members:read', 'api-keys:write'],
    });

    // A billing member holds no keys at all.
    const carol = await memberOf(ada, acme, 'billing');
    const billingKey = await call(carol, 'POST', `/organizations/${acme}/api-keys`, {
      name: 'x',
      scopes: ['members:read'],
    });
    expect(billingKey.status).toBe(403);
  });

  it('stop working the moment their creator is removed or leaves', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'member');
    const carol = await memberOf(ada, acme, 'member');
    const bobsKey = await keyOf(bob, acme, ['members:read']);
    const carolsKey = await keyOf(carol, acme, ['members:read']);
    for (const key of [bobsKey, carolsKey]) {
      expect((await call(key, 'GET', `/organizations/${acme}/members`)).status).toBe(200);
    }

    expect((await call(ada, 'DELETE', `/organizations/${acme}/members/${bob.userId}`)).status).toBe(
      200,
    );
    const removed = await call(bobsKey, 'GET', `/organizations/${acme}/members`);
    expect(removed.status).toBe(401);
    expect(removed.error?.message).toMatch(/revoked/);
    expect((await call(carol, 'POST', `/organizations/${acme}/leave`)).status).toBe(200);
    expect((await call(carolsKey, 'GET', '/me')).status).toBe(401);

    const keys = await call(ada, 'GET', `/organizations/${acme}/api-keys`);
    expect(keys.data.items.map((key: { status: string }) => key.status)).toEqual([
      'revoked',
      'revoked',
    ]);
    // Each revocation is in the organization's log, and in its creator's own.
    const events = await call(
      ada,
      'GET',
      `/organizations/${acme}/audit-events?action=api_key.revoked`,
    );
    expect(
      events.data.items.map(
        (event: { details: { userId: string; reason: string } }) => event.details,
      ),
    ).toEqual([
      { userId: carol.userId, reason: 'creator left' },
      { userId: bob.userId, reason: 'creator removed' },
    ]);
    const bobsOwn = await call(bob, 'GET', '/audit-logs?action=api_key.revoked');
    expect(bobsOwn.data.items).toHaveLength(1);
  });

  it('owners and admins see and revoke every key there; members only their own', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme, 'member');
    const carol = await memberOf(ada, acme, 'admin');
    await keyOf(ada, acme, ['members:read']);
    const bobsKey = await keyOf(bob, acme, ['members:read']);

    const ids = async (user: typeof ada) =>
      (await call(user, 'GET', `/organizations/${acme}/api-keys`)).data.items.map(
        (key: { createdBy: string }) => key.createdBy,
      );
    expect(await ids(bob)).toEqual([bob.userId]);
    expect((await ids(carol)).sort()).toEqual([ada.userId, bob.userId].sort());

    const adasKeyId = (await call(ada, 'GET', `/organizations/${acme}/api-keys`)).data.items.find(
      (key: { createdBy: string }) => key.createdBy === ada.userId,
    ).id;
    expect((await call(bob, 'DELETE', `/organizations/${acme}/api-keys/${adasKeyId}`)).status).toBe(
      404,
    );
    const bobsKeyId = (await call(bob, 'GET', `/organizations/${acme}/api-keys`)).data.items[0].id;
    const revoked = await call(carol, 'DELETE', `/organizations/${acme}/api-keys/${bobsKeyId}`);
    expect(revoked).toMatchObject({ status: 200, data: { apiKey: { status: 'revoked' } } });
    expect((await call(bobsKey, 'GET', '/me')).status).toBe(401);

    // The creation and revocation are in the organization's log, for its owners and admins.
    const events = await call(
      ada,
      'GET',
      `/organizations/${acme}/audit-events?action=api_key.revoked`,
    );
    expect(events.data.items).toEqual([
      expect.objectContaining({
        actorId: carol.userId,
        resourceId: bobsKeyId,
        details: { userId: bob.userId },
      }),
    ]);
  });

  it('a personal key acts in its creator’s personal workspace, as before', async () => {
    const ada = await signedInUser(api, db());
    const made = await call(ada, 'POST', '/api-keys', { name: 'p', scopes: ['profile:read'] });
    expect(made.status).toBe(201);
    const personal = (await call(ada, 'GET', '/organizations')).data.items[0];
    expect(made.data.apiKey.organizationId).toBe(personal.id);
    const me = await call(made.data.key, 'GET', '/me');
    expect(me.data).toMatchObject({
      permissions: ['profile:read'],
      organization: { id: personal.id, personal: true, role: 'owner', permissions: [] },
    });
    const acme = await teamOf(ada);
    expect((await call(made.data.key, 'GET', `/organizations/${acme}`)).status).toBe(403);
  });

  it("count toward their organization's plan, every member's keys together", async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const bob = await memberOf(ada, acme);
    // The free plan allows 2 active keys in a team: one of Ada's, one of Bob's…
    await keyOf(ada, acme, ['members:read']);
    await keyOf(bob, acme, ['members:read']);
    // …and no third, whoever asks.
    const third = await call(ada, 'POST', `/organizations/${acme}/api-keys`, {
      name: 'third',
      scopes: ['members:read'],
    });
    expect(third.status).toBe(403);
    expect(third.error?.message).toMatch(/allows 2 active API keys/);
    // Ada's personal workspace has a plan, and keys, of its own.
    expect(
      (await call(ada, 'POST', '/api-keys', { name: 'p', scopes: ['profile:read'] })).status,
    ).toBe(201);
  });

  it('go with their organization when it is deleted', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    const slug = (await call(ada, 'GET', `/organizations/${acme}`)).data.slug;
    const key = await keyOf(ada, acme, ['members:read', 'organization:delete']);
    const deleted = await call(key, 'DELETE', `/organizations/${acme}?confirm=${slug}`);
    expect(deleted.status).toBe(200);
    expect((await call(key, 'GET', '/me')).status).toBe(401);
  });
});
