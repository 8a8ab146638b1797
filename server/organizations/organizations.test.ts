import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withRls, withServiceRole } from '@/db/rls';
import { newTestEmail, signedInAdmin, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { newSlug, organizationSteps, type TestUser } from '@/test/helpers/organizations';

const { api, db } = testApi();
const { call, teamOf, invite, memberOf, keyOf } = organizationSteps(api, db);

describe('organizations', () => {
  it('gives every new account a personal workspace it owns and cannot leave or delete', async () => {
    const ada = await signedInUser(api, db());
    const listed = await call(ada, 'GET', '/organizations');
    expect(listed.status).toBe(200);
    expect(listed.data.items).toEqual([
      expect.objectContaining({ name: 'Personal', personal: true, role: 'owner' }),
    ]);
    const personal = listed.data.items[0];
    expect((await call(ada, 'POST', `/organizations/${personal.id}/leave`)).status).toBe(409);
    const deleted = await call(
      ada,
      'DELETE',
      `/organizations/${personal.id}?confirm=${personal.slug}`,
    );
    expect(deleted.status).toBe(409);
    const invited = await call(ada, 'POST', `/organizations/${personal.id}/invitations`, {
      email: newTestEmail(),
    });
    expect(invited.status).toBe(409);
  });

  it('creates a team with a unique slug and shows it only to its members', async () => {
    const ada = await signedInUser(api, db());
    const bob = await signedInUser(api, db());
    const slug = newSlug();
    const created = await call(ada, 'POST', '/organizations', { name: 'Acme', slug });
    expect(created).toMatchObject({ status: 201, data: { slug, role: 'owner', personal: false } });
    const taken = await call(bob, 'POST', '/organizations', { name: 'Other', slug });
    expect(taken.status).toBe(409);
    expect(taken.error?.message).toMatch(/slug is taken/);
    const twoLines = await call(bob, 'POST', '/organizations', { name: 'A\nB', slug: newSlug() });
    expect(twoLines.status).toBe(400);
    expect(twoLines.error?.message).toMatch(/name/);
    const badSlug = await call(bob, 'POST', '/organizations', { name: 'Other', slug: '-no-' });
    expect(badSlug.status).toBe(400);
    expect(badSlug.error?.message).toMatch(/slug/);
    expect((await call(bob, 'GET', `/organizations/${created.data.id}`)).status).toBe(404);
    expect((await call(bob, 'GET', `/organizations/${created.data.id}/members`)).status).toBe(404);
    const bobs = await call(bob, 'GET', '/organizations');
    expect(bobs.data.items.map((org: { id: string }) => org.id)).not.toContain(created.data.id);
  });

  it('narrows what each role may do, and keeps a member out of another organization', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const bob = await memberOf(ada, org, 'member');
    const other = await teamOf(await signedInUser(api, db()));

    expect((await call(bob, 'GET', `/organizations/${org}/members`)).status).toBe(200);
    expect((await call(bob, 'GET', `/organizations/${org}/invitations`)).status).toBe(403);
    const promote = await call(bob, 'PATCH', `/organizations/${org}/members/${bob.userId}`, {
      role: 'admin',
    });
    expect(promote.status).toBe(403);
    expect((await call(bob, 'PATCH', `/organizations/${org}`, { name: 'Mine' })).status).toBe(403);
    expect((await call(bob, 'GET', `/organizations/${other}`)).status).toBe(404);

    // An admin manages members but not owners, and cannot make an owner.
    await call(ada, 'PATCH', `/organizations/${org}/members/${bob.userId}`, { role: 'admin' });
    expect(
      (await call(bob, 'PATCH', `/organizations/${org}/members/${ada.userId}`, { role: 'member' }))
        .status,
    ).toBe(403);
    expect((await call(bob, 'DELETE', `/organizations/${org}/members/${ada.userId}`)).status).toBe(
      403,
    );
    expect((await call(bob, 'DELETE', `/organizations/${org}?confirm=x`)).status).toBe(403);
    const renamed = await call(bob, 'PATCH', `/organizations/${org}`, { name: 'Acme Ltd' });
    expect(renamed).toMatchObject({ status: 200, data: { name: 'Acme Ltd', role: 'admin' } });

    // Removed, the member sees nothing of it.
    expect((await call(ada, 'DELETE', `/organizations/${org}/members/${bob.userId}`)).status).toBe(
      200,
    );
    expect((await call(bob, 'GET', `/organizations/${org}`)).status).toBe(404);
  });

  it('always keeps an owner, also when two owners step down at once', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    expect((await call(ada, 'POST', `/organizations/${org}/leave`)).status).toBe(409);
    const demote = await call(ada, 'PATCH', `/organizations/${org}/members/${ada.userId}`, {
      role: 'admin',
    });
    expect(demote.status).toBe(409);

    const bob = await memberOf(ada, org, 'admin');
    const promoted = await call(ada, 'PATCH', `/organizations/${org}/members/${bob.userId}`, {
      role: 'owner',
    });
    expect(promoted).toMatchObject({ status: 200, data: { role: 'owner' } });
    // At once: on PGlite (one connection) they queue anyway; on Postgres (CI's second
    // run) the members lock is what makes the second see the first.
    const outcomes = await Promise.all([
      call(ada, 'PATCH', `/organizations/${org}/members/${ada.userId}`, { role: 'member' }),
      call(bob, 'POST', `/organizations/${org}/leave`),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([200, 409]);
    const owners = await withServiceRole(db(), (tx) =>
      queryRows(
        tx,
        sql`select user_id from memberships where organization_id = ${org} and role = 'owner'`,
      ),
    );
    expect(owners).toHaveLength(1);
  });

  it('hands a team to its longest-standing admin when its last owner’s account goes', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const solo = await teamOf(ada, 'Solo');
    await memberOf(ada, org, 'member');
    const bob = await memberOf(ada, org, 'admin');
    await withServiceRole(db(), (tx) =>
      tx.execute(sql`delete from auth.users where id = ${ada.userId}`),
    );
    const members = await call(bob, 'GET', `/organizations/${org}/members`);
    expect(members.data.items.find((m: { userId: string }) => m.userId === bob.userId).role).toBe(
      'owner',
    );
    const left = await withServiceRole(db(), (tx) =>
      queryRows(tx, sql`select id from organizations where id in (${org}, ${solo})`),
    );
    expect(left.map((row) => row.id)).toEqual([org]);
  });

  it('deletes a team once its slug is typed, with its memberships and invitations', async () => {
    const ada = await signedInUser(api, db());
    const created = await call(ada, 'POST', '/organizations', { name: 'Gone', slug: newSlug() });
    const org = created.data.id as string;
    await invite(ada, org, newTestEmail());
    const wrong = await call(ada, 'DELETE', `/organizations/${org}?confirm=nope`);
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toMatch(/confirm/);
    const deleted = await call(ada, 'DELETE', `/organizations/${org}?confirm=${created.data.slug}`);
    expect(deleted).toMatchObject({ status: 200, data: { deleted: true } });
    const rows = await withServiceRole(db(), (tx) =>
      queryRows(
        tx,
        sql`select (select count(*) from memberships where organization_id = ${org})::int as m,
                   (select count(*) from invitations where organization_id = ${org})::int as i`,
      ),
    );
    expect(rows[0]).toEqual({ m: 0, i: 0 });
  });

  it('lists each organization with its member count, as people join and leave', async () => {
    const ada = await signedInUser(api, db());
    const acme = await teamOf(ada);
    /** The member count of each organization `user` lists, by id. */
    const countsOf = async (user: TestUser | string) => {
      const listed = await call(user, 'GET', '/organizations');
      expect(listed.status).toBe(200);
      return Object.fromEntries(
        listed.data.items.map((org: { id: string; memberCount: number }) => [
          org.id,
          org.memberCount,
        ]),
      );
    };
    const personalOf = async (user: TestUser) =>
      (await call(user, 'GET', '/organizations')).data.items[0].id as string;
    const adas = await personalOf(ada);
    expect(await countsOf(ada)).toEqual({ [adas]: 1, [acme]: 1 });

    const bob = await memberOf(ada, acme, 'member');
    const carol = await memberOf(ada, acme, 'admin');
    // Bob's own team, which Ada is not in: its count is its own, and Ada never sees it.
    const bobs = await teamOf(bob);
    await memberOf(bob, bobs, 'member');
    const bobsPersonal = await personalOf(bob);
    expect(await countsOf(ada)).toEqual({ [adas]: 1, [acme]: 3 });
    // A plain member counts everyone in the team, not only the rows of their own role.
    expect(await countsOf(bob)).toEqual({ [bobsPersonal]: 1, [acme]: 3, [bobs]: 2 });
    // An API key lists only the organization it acts in, counted the same way.
    expect(await countsOf(await keyOf(carol, acme, ['members:read']))).toEqual({ [acme]: 3 });

    expect((await call(bob, 'POST', `/organizations/${acme}/leave`)).status).toBe(200);
    expect(await countsOf(ada)).toEqual({ [adas]: 1, [acme]: 2 });
    expect(await countsOf(bob)).toEqual({ [bobsPersonal]: 1, [bobs]: 2 });
    const removed = await call(ada, 'DELETE', `/organizations/${acme}/members/${carol.userId}`);
    expect(removed.status).toBe(200);
    expect(await countsOf(ada)).toEqual({ [adas]: 1, [acme]: 1 });
  });
});

describe("an organization's audit log", () => {
  it('records what happens in a team for its owners and admins, and nobody else', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const bob = await memberOf(ada, org, 'member');
    const carol = await signedInUser(api, db());
    await teamOf(carol);

    const log = await call(ada, 'GET', `/organizations/${org}/audit-events`);
    expect(log.status).toBe(200);
    const actions = log.data.items.map((event: { action: string; actorId: string }) => [
      event.action,
      event.actorId,
    ]);
    expect(actions).toEqual([
      ['organization.joined', bob.userId],
      ['organization.invitation_created', ada.userId],
      ['organization.created', ada.userId],
    ]);
    const filtered = await call(
      ada,
      'GET',
      `/organizations/${org}/audit-events?action=organization.joined`,
    );
    expect(filtered.data.items).toHaveLength(1);
    const csv = await call(ada, 'GET', `/organizations/${org}/audit-events/export`);
    expect(csv.data.csv.split('\n')[0]).toMatch(/^actorId,createdAt,action/);
    expect(csv.data.csv).toContain('organization.joined');

    expect((await call(bob, 'GET', `/organizations/${org}/audit-events`)).status).toBe(403);
    expect((await call(carol, 'GET', `/organizations/${org}/audit-events`)).status).toBe(404);
    // Bob still reads his own events, this one among them.
    const own = await call(bob, 'GET', '/audit-logs?action=organization.joined');
    expect(own.data.items).toHaveLength(1);
  });
});

describe('organizations in the admin area', () => {
  it('lists teams with members and owners to admins only', async () => {
    const ada = await signedInUser(api, db());
    const name = `Searchable ${Date.now()}`;
    const created = await call(ada, 'POST', '/organizations', { name, slug: newSlug() });
    await memberOf(ada, created.data.id);
    expect((await call(ada, 'GET', '/admin/organizations')).status).toBe(403);

    const asAdmin = await signedInAdmin(api, db());
    const found = await call(
      asAdmin,
      'GET',
      `/admin/organizations?query=${encodeURIComponent(name)}`,
    );
    expect(found.status).toBe(200);
    expect(found.data.items).toEqual([
      expect.objectContaining({
        id: created.data.id,
        name,
        members: 2,
        owners: [ada.email],
        plan: 'free',
        subscription: null,
      }),
    ]);
  });
});

describe('organization row level security', () => {
  it('lets Postgres refuse every read and write across organizations', async () => {
    const ada = await signedInUser(api, db());
    const orgA = await teamOf(ada, 'A');
    const carol = await signedInUser(api, db());
    const orgB = await teamOf(carol, 'B');
    // Bob belongs to both: acting in A, he sees nothing of B.
    const bob = await memberOf(ada, orgA, 'admin');
    const { token } = await invite(carol, orgB, bob.email, 'admin');
    await call(bob, 'POST', '/invitations/accept', { token });

    const asBobIn = (org: string | undefined, query: ReturnType<typeof sql>) =>
      withRls(
        db(),
        { role: 'authenticated', sub: bob.userId, ...(org ? { org_id: org } : {}) },
        (tx) => queryRows(tx, query),
      ).catch((error: unknown) => pgErrorCode(error));

    const visible = await asBobIn(
      undefined,
      sql`select id from organizations where personal_user_id is null order by name`,
    );
    expect((visible as { id: string }[]).map((row) => row.id)).toEqual([orgA, orgB]);
    expect(await asBobIn(orgA, sql`select id from organizations where id = ${orgB}`)).toEqual([]);
    expect(
      await asBobIn(orgA, sql`select user_id from memberships where organization_id = ${orgB}`),
    ).toEqual([]);
    expect(
      await asBobIn(orgA, sql`select id from invitations where organization_id = ${orgB}`),
    ).toEqual([]);
    expect(
      await asBobIn(
        orgA,
        sql`update memberships set role = 'owner' where organization_id = ${orgB} returning user_id`,
      ),
    ).toEqual([]);
    expect(
      await asBobIn(orgA, sql`update organizations set name = 'x' where id = ${orgB} returning id`),
    ).toEqual([]);
    expect(
      await asBobIn(
        orgA,
        sql`delete from memberships where organization_id = ${orgB} returning user_id`,
      ),
    ).toEqual([]);
    expect(
      await asBobIn(
        orgA,
        sql`insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
            values (${orgB}, 'x@example.com', 'member', ${'h' + Date.now()}, ${bob.userId}, now() + interval '1 day')`,
      ),
    ).toBe('42501');
    // Nobody adds a membership directly, not even to their own organization.
    expect(
      await asBobIn(
        orgA,
        sql`insert into memberships (organization_id, user_id, role) values (${orgA}, ${carol.userId}, 'member')`,
      ),
    ).toBe('42501');
    // Anonymous callers see nothing at all.
    const anon = await withRls(db(), { role: 'anon' }, (tx) =>
      queryRows(tx, sql`select id from organizations union all select user_id from memberships`),
    );
    expect(anon).toEqual([]);
  });
});
