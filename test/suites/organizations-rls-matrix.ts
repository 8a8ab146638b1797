import { randomUUID } from 'node:crypto';

import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withRls, withServiceRole, type Claims } from '@/db/rls';
import type { TestDatabase } from '@/db/test-database';
import { seedAccounts } from '@/test/helpers/rls-callers';

/**
 * The organization tables' RLS matrix: anonymous / owner, admin, member, billing of A
 * / owner of B / a user of both acting in A / a member of A claiming B / a key of A /
 * a key of A whose user also belongs to B / service × select, insert, update,
 * delete, on the database `openDatabase` gives.
 */
export function describeOrganizationsRlsMatrix(openDatabase: () => Promise<TestDatabase>) {
  let testDb: TestDatabase;
  const user = {
    owner: randomUUID(),
    admin: randomUUID(),
    member: randomUUID(),
    billing: randomUUID(),
    ownerOfB: randomUUID(),
    both: randomUUID(),
    leaver: randomUUID(),
  };
  const orgA = randomUUID();
  const orgB = randomUUID();
  const invitationA = randomUUID();
  const invitationB = randomUUID();
  // Events recorded in A and B by someone none of the callers is.
  const eventIn = { [orgA]: '', [orgB]: '' };

  type Who =
    | 'anon'
    | 'owner'
    | 'admin'
    | 'member'
    | 'billing'
    | 'ownerOfB'
    | 'both'
    | 'forger'
    | 'keyOfA'
    | 'keyOfAByBoth'
    | 'memberSignedIn';
  const claimsOf: Record<Who, Claims> = {
    anon: { role: 'anon' },
    owner: { role: 'authenticated', sub: user.owner, org_id: orgA },
    admin: { role: 'authenticated', sub: user.admin, org_id: orgA },
    member: { role: 'authenticated', sub: user.member, org_id: orgA },
    billing: { role: 'authenticated', sub: user.billing, org_id: orgA },
    ownerOfB: { role: 'authenticated', sub: user.ownerOfB, org_id: orgB },
    // An admin of B too, acting in A: sees and changes nothing of B.
    both: { role: 'authenticated', sub: user.both, org_id: orgA },
    // A member of A whose claims name B, which they do not belong to.
    forger: { role: 'authenticated', sub: user.member, org_id: orgB },
    // API keys of A, as verification makes their claims (the key's organization).
    keyOfA: { role: 'authenticated', sub: user.member, org_id: orgA, api_key_id: randomUUID() },
    keyOfAByBoth: { role: 'authenticated', sub: user.both, org_id: orgA, api_key_id: randomUUID() },
    // The member's session, naming no organization (their account's own pages).
    memberSignedIn: { role: 'authenticated', sub: user.member },
  };
  // One key per (creator, organization): A's member and admin, B's `both`, and the
  // member's personal workspace (keyed by 'personal').
  const keyOf: Record<string, string> = {};
  let personalOfMember = '';
  const as = async (who: Who | 'service', query: SQL) => {
    const run = (tx: Parameters<Parameters<typeof withServiceRole>[1]>[0]) =>
      queryRows<{ id: string }>(tx, query);
    try {
      const rows =
        who === 'service'
          ? await withServiceRole(testDb.db, run)
          : await withRls(testDb.db, claimsOf[who], run);
      return rows.map((row) => row.id).sort();
    } catch (error) {
      return pgErrorCode(error) ?? String(error);
    }
  };
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    testDb = await openDatabase();
    await seedAccounts(testDb.db, Object.values(user));
    await withServiceRole(testDb.db, async (tx) => {
      await tx.execute(sql`insert into organizations (id, name, slug, created_by) values
        (${orgA}, 'A', ${`a-${orgA}`}, ${user.owner}), (${orgB}, 'B', ${`b-${orgB}`}, ${user.ownerOfB})`);
      await tx.execute(sql`insert into memberships (organization_id, user_id, role) values
        (${orgA}, ${user.owner}, 'owner'), (${orgA}, ${user.admin}, 'admin'),
        (${orgA}, ${user.member}, 'member'), (${orgA}, ${user.billing}, 'billing'),
        (${orgA}, ${user.both}, 'admin'), (${orgA}, ${user.leaver}, 'member'),
        (${orgB}, ${user.ownerOfB}, 'owner'), (${orgB}, ${user.both}, 'admin')`);
      await tx.execute(sql`insert into invitations (id, organization_id, email, role, token_hash, expires_at) values
        (${invitationA}, ${orgA}, 'x@example.com', 'member', ${`ha-${orgA}`}, now() + interval '1 day'),
        (${invitationB}, ${orgB}, 'y@example.com', 'member', ${`hb-${orgB}`}, now() + interval '1 day')`);
      for (const org of [orgA, orgB]) {
        await tx.execute(sql`select private.record_audit_event(null, 'seed', 'organization', ${org},
          null, true, null, null, null, ${org}::uuid)`);
        const [event] = await queryRows<{ id: string }>(
          tx,
          sql`select id from audit_logs where organization_id = ${org}`,
        );
        eventIn[org] = event!.id;
      }
      const [personal] = await queryRows<{ id: string }>(
        tx,
        sql`select id from organizations where personal_user_id = ${user.member}`,
      );
      personalOfMember = personal!.id;
      for (const [name, creator, org] of [
        ['memberA', user.member, orgA],
        ['adminA', user.admin, orgA],
        ['bothB', user.both, orgB],
        ['personal', user.member, personalOfMember],
      ] as const) {
        const [key] = await queryRows<{ id: string }>(
          tx,
          sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
              values (${creator}, ${org}, ${name}, ${randomUUID()}, 'sk_test_x', array['members:read'])
              returning id`,
        );
        keyOf[name] = key!.id;
      }
    });
  });
  afterAll(() => testDb.close());

  const inAOrB = sql`(${orgA}::uuid, ${orgB}::uuid)`;
  const membersOfA = sorted(
    user.owner,
    user.admin,
    user.member,
    user.billing,
    user.both,
    user.leaver,
  );

  describe('billing_accounts and subscriptions', () => {
    const subscriptionOf: Record<string, string> = {
      [orgA]: `sub_a_${orgA}`,
      [orgB]: `sub_b_${orgB}`,
    };
    beforeAll(async () => {
      await withServiceRole(testDb.db, async (tx) => {
        for (const org of [orgA, orgB]) {
          await tx.execute(sql`insert into billing_accounts (organization_id, stripe_customer_id, plan)
            values (${org}, ${`cus_${org}`}, 'pro')`);
          await tx.execute(sql`insert into subscriptions
            (id, organization_id, stripe_customer_id, status, price_id, plan, quantity, created_at)
            values (${subscriptionOf[org]}, ${org}, ${`cus_${org}`}, 'active', 'price_pro_monthly', 'pro', 6, now())`);
        }
      });
    });
    const accounts = sql`select organization_id as id from billing_accounts where organization_id in ${inAOrB}`;
    const subscriptions = sql`select id from subscriptions where organization_id in ${inAOrB}`;

    it('select: every member reads the plan of the organization acted in; its subscriptions, those who manage billing', async () => {
      for (const who of [
        'owner',
        'admin',
        'member',
        'billing',
        'both',
        'keyOfA',
        'keyOfAByBoth',
      ] as const) {
        expect(await as(who, accounts), who).toEqual([orgA]);
      }
      expect(await as('ownerOfB', accounts)).toEqual([orgB]);
      for (const who of ['owner', 'admin', 'billing', 'both', 'keyOfAByBoth'] as const) {
        expect(await as(who, subscriptions), who).toEqual([subscriptionOf[orgA]]);
      }
      // A member (and their key) has the plan's limits, not the invoices.
      for (const who of ['member', 'keyOfA'] as const) {
        expect(await as(who, subscriptions), who).toEqual([]);
      }
      expect(await as('ownerOfB', subscriptions)).toEqual([subscriptionOf[orgB]]);
      expect(await as('forger', accounts)).toEqual([]);
      expect(await as('forger', subscriptions)).toEqual([]);
      // Anonymous callers hold no privilege on billing at all.
      expect(await as('anon', accounts)).toBe('42501');
      expect(await as('service', subscriptions)).toEqual(
        sorted(subscriptionOf[orgA]!, subscriptionOf[orgB]!),
      );
    });

    it('insert, update, delete: only the service path writes billing', async () => {
      const writes = [
        sql`insert into billing_accounts (organization_id, stripe_customer_id) values (${orgA}, 'cus_forged') returning organization_id as id`,
        sql`update billing_accounts set plan = 'enterprise' where organization_id = ${orgA} returning organization_id as id`,
        sql`delete from billing_accounts where organization_id = ${orgA} returning organization_id as id`,
        sql`insert into subscriptions (id, organization_id, stripe_customer_id, status, price_id, created_at)
            values ('sub_forged', ${orgA}, ${`cus_${orgA}`}, 'active', 'price_pro_monthly', now()) returning id`,
        sql`update subscriptions set quantity = 1 where organization_id = ${orgA} returning id`,
        sql`delete from subscriptions where organization_id = ${orgA} returning id`,
      ];
      for (const who of [
        'owner',
        'admin',
        'member',
        'billing',
        'keyOfA',
        'keyOfAByBoth',
        'memberSignedIn',
        'anon',
      ] as const) {
        for (const write of writes) expect(await as(who, write), who).toBe('42501');
      }
    });
  });

  describe('organizations', () => {
    const select = sql`select id from organizations where id in ${inAOrB}`;
    it('select: members see the organization they act in; nobody sees another', async () => {
      for (const who of ['owner', 'admin', 'member', 'billing', 'both'] as const) {
        expect(await as(who, select)).toEqual([orgA]);
      }
      expect(await as('ownerOfB', select)).toEqual([orgB]);
      expect(await as('forger', select)).toEqual([]);
      expect(await as('anon', select)).toEqual([]);
      expect(await as('service', select)).toEqual(sorted(orgA, orgB));
    });

    it('update: owners and admins rename the organization they act in, nothing else', async () => {
      const rename = sql`update organizations set name = name where id in ${inAOrB} returning id`;
      for (const who of ['owner', 'admin', 'both'] as const) {
        expect(await as(who, rename)).toEqual([orgA]);
      }
      for (const who of ['member', 'billing', 'forger'] as const) {
        expect(await as(who, rename)).toEqual([]);
      }
      expect(await as('anon', rename)).toBe('42501');
      // Column privileges: nobody turns a team into a personal workspace.
      const personal = sql`update organizations set personal_user_id = ${user.owner} where id = ${orgA} returning id`;
      expect(await as('owner', personal)).toBe('42501');
    });

    it('insert and delete: no direct insert; only an owner deletes, only where they act', async () => {
      const insert = sql`insert into organizations (name, slug) values ('C', ${`c-${randomUUID()}`}) returning id`;
      for (const who of ['owner', 'admin', 'member', 'anon'] as const) {
        expect(await as(who, insert)).toBe('42501');
      }
      expect(
        await as('owner', sql`delete from organizations where id = ${orgB} returning id`),
      ).toEqual([]);
      for (const who of ['admin', 'member', 'billing', 'both', 'forger'] as const) {
        expect(
          await as(who, sql`delete from organizations where id in ${inAOrB} returning id`),
        ).toEqual([]);
      }
      expect(await as('anon', sql`delete from organizations returning id`)).toBe('42501');
    });
  });

  describe('memberships', () => {
    const select = sql`select user_id as id from memberships where organization_id in ${inAOrB}`;
    it('select: the members of the organization acted in, never of another', async () => {
      for (const who of ['owner', 'member', 'billing', 'both'] as const) {
        expect(await as(who, select)).toEqual(membersOfA);
      }
      expect(await as('ownerOfB', select)).toEqual(sorted(user.ownerOfB, user.both));
      expect(await as('forger', select)).toEqual([]);
      expect(await as('anon', select)).toEqual([]);
    });

    it('update: owners and admins change roles where they act; members and other organizations never', async () => {
      const touch = (org: string) =>
        sql`update memberships set role = role where organization_id = ${org} returning user_id as id`;
      expect(await as('owner', touch(orgA))).toEqual(membersOfA);
      // An admin's reach stops at the owners' rows.
      expect(await as('admin', touch(orgA))).toEqual(membersOfA.filter((id) => id !== user.owner));
      expect(await as('both', touch(orgB))).toEqual([]);
      for (const who of ['member', 'billing', 'forger'] as const) {
        expect(await as(who, touch(orgA))).toEqual([]);
        expect(await as(who, touch(orgB))).toEqual([]);
      }
      expect(await as('anon', touch(orgA))).toBe('42501');
      // Only an owner touches an owner's row, or makes one.
      const promote = sql`update memberships set role = 'owner' where organization_id = ${orgA} and user_id = ${user.admin} returning user_id as id`;
      expect(await as('admin', promote)).toBe('42501');
      const demote = sql`update memberships set role = 'member' where organization_id = ${orgA} and user_id = ${user.owner} returning user_id as id`;
      expect(await as('admin', demote)).toEqual([]);
      const move = sql`update memberships set organization_id = ${orgB} where user_id = ${user.admin} returning user_id as id`;
      expect(await as('admin', move)).toBe('42501');
    });

    it('insert: nobody adds a membership directly; delete: only where acting, others by admins', async () => {
      const join = (org: string) =>
        sql`insert into memberships (organization_id, user_id, role) values (${org}, ${user.member}, 'owner') returning user_id as id`;
      expect(await as('member', join(orgB))).toBe('42501');
      expect(await as('owner', join(orgA))).toBe('42501');
      const remove = (org: string, who: string) =>
        sql`delete from memberships where organization_id = ${org} and user_id = ${who} returning user_id as id`;
      expect(await as('member', remove(orgA, user.billing))).toEqual([]);
      expect(await as('admin', remove(orgA, user.owner))).toEqual([]);
      expect(await as('both', remove(orgB, user.ownerOfB))).toEqual([]);
      expect(await as('forger', remove(orgB, user.ownerOfB))).toEqual([]);
      expect(await as('anon', remove(orgA, user.member))).toBe('42501');
      const leaver = { ...claimsOf.member, sub: user.leaver };
      const left = await withRls(testDb.db, leaver, (tx) =>
        queryRows<{ id: string }>(tx, remove(orgA, user.leaver)),
      );
      expect(left).toEqual([{ id: user.leaver }]);
    });
  });

  describe('invitations', () => {
    const select = sql`select id from invitations where organization_id in ${inAOrB}`;
    it('select: owners and admins of the organization acted in', async () => {
      for (const who of ['owner', 'admin', 'both'] as const) {
        expect(await as(who, select)).toEqual([invitationA]);
      }
      expect(await as('ownerOfB', select)).toEqual([invitationB]);
      for (const who of ['member', 'billing', 'forger', 'anon'] as const) {
        expect(await as(who, select)).toEqual([]);
      }
    });

    it('insert: owners and admins, into the organization acted in, in their own name', async () => {
      const invite = (org: string, by: string) =>
        sql`insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
            values (${org}, ${`${randomUUID()}@example.com`}, 'member', ${randomUUID()}, ${by}, now() + interval '1 day') returning id`;
      expect(await as('admin', invite(orgA, user.admin))).toHaveLength(1);
      expect(await as('admin', invite(orgA, user.owner))).toBe('42501');
      expect(await as('both', invite(orgB, user.both))).toBe('42501');
      expect(await as('member', invite(orgA, user.member))).toBe('42501');
      expect(await as('forger', invite(orgB, user.member))).toBe('42501');
      expect(await as('anon', invite(orgA, user.owner))).toBe('42501');
    });

    it('update and delete: revoking where acting only; nobody deletes', async () => {
      const revoke = (id: string) =>
        sql`update invitations set revoked_at = now() where id = ${id} returning id`;
      expect(await as('both', revoke(invitationB))).toEqual([]);
      expect(await as('member', revoke(invitationA))).toEqual([]);
      expect(await as('forger', revoke(invitationB))).toEqual([]);
      const accept = sql`update invitations set accepted_at = now() where id = ${invitationA} returning id`;
      expect(await as('admin', accept)).toBe('42501');
      expect(await as('owner', sql`delete from invitations returning id`)).toBe('42501');
      expect(await as('admin', revoke(invitationA))).toEqual([invitationA]);
    });
  });

  describe('audit_logs (an organization’s log)', () => {
    const select = sql`select id from audit_logs where organization_id in ${inAOrB}`;
    it('select: owners and admins read the log of the organization they act in', async () => {
      for (const who of ['owner', 'admin', 'both'] as const) {
        expect(await as(who, select)).toEqual([eventIn[orgA]]);
      }
      expect(await as('ownerOfB', select)).toEqual([eventIn[orgB]]);
      for (const who of ['member', 'billing', 'forger', 'anon'] as const) {
        expect(await as(who, select)).toEqual([]);
      }
    });

    it('insert: only through the function, naming oneself, in an organization one belongs to', async () => {
      const record = (actor: string, org: string) =>
        sql`select private.record_audit_event(${actor}::uuid, 'x', null, null, null, true, null,
          null, null, ${org}::uuid) as id`;
      expect(await as('member', record(user.member, orgA))).toHaveLength(1);
      expect(await as('member', record(user.member, orgB))).toBe('42501');
      expect(await as('member', record(user.owner, orgA))).toBe('42501');
      expect(await as('forger', record(user.member, orgB))).toBe('42501');
      const direct = sql`insert into audit_logs (action, organization_id) values ('x', ${orgA}) returning id`;
      expect(await as('owner', direct)).toBe('42501');
      expect(await as('owner', sql`delete from audit_logs returning id`)).toBe('42501');
    });
  });

  describe('api_keys (an organization’s keys)', () => {
    const select = sql`select id from api_keys where organization_id in (select organization_id from memberships where user_id in (${user.member}, ${user.admin}, ${user.both}))`;
    it('select: one’s own keys where one acts; owners and admins every key there; never another organization’s', async () => {
      const keysOfA = sorted(keyOf.memberA!, keyOf.adminA!);
      for (const who of ['owner', 'admin', 'both', 'keyOfAByBoth'] as const) {
        expect(await as(who, select)).toEqual(keysOfA);
      }
      for (const who of ['member', 'keyOfA'] as const) {
        expect(await as(who, select)).toEqual([keyOf.memberA]);
      }
      expect(await as('memberSignedIn', select)).toEqual(sorted(keyOf.memberA!, keyOf.personal!));
      expect(await as('ownerOfB', select)).toEqual([keyOf.bothB]);
      for (const who of ['billing', 'forger'] as const) {
        expect(await as(who, select)).toEqual([]);
      }
      expect(await as('anon', select)).toEqual([]);
      expect(await as('service', select)).toEqual(
        sorted(keyOf.memberA!, keyOf.adminA!, keyOf.bothB!, keyOf.personal!),
      );
    });

    it('insert: one’s own key, in an organization one belongs to with a role that may hold keys', async () => {
      const make = (creator: string, org: string) =>
        sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
            values (${creator}, ${org}, 'new', ${randomUUID()}, 'sk_test_x', array['members:read'])
            returning id`;
      expect(await as('keyOfA', make(user.member, orgA))).toHaveLength(1);
      expect(await as('memberSignedIn', make(user.member, personalOfMember))).toHaveLength(1);
      expect(await as('keyOfA', make(user.member, personalOfMember))).toBe('42501');
      expect(await as('keyOfAByBoth', make(user.both, orgB))).toBe('42501');
      expect(await as('billing', make(user.billing, orgA))).toBe('42501');
      expect(await as('admin', make(user.member, orgA))).toBe('42501');
      expect(await as('forger', make(user.member, orgB))).toBe('42501');
      expect(await as('anon', make(user.member, orgA))).toBe('42501');
      const revokedAtBirth = sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes, revoked_at)
          values (${user.member}, ${orgA}, 'x', ${randomUUID()}, 'sk_test_x', array['members:read'], now()) returning id`;
      expect(await as('member', revokedAtBirth)).toBe('42501');
    });

    it('update: revoking only (own keys, or any of the organization acted in as owner or admin); nobody deletes', async () => {
      const fresh = async (creator: string, org: string) => {
        const [row] = await withServiceRole(testDb.db, (tx) =>
          queryRows<{ id: string }>(
            tx,
            sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
                values (${creator}, ${org}, 'to revoke', ${randomUUID()}, 'sk_test_x', array['members:read'])
                returning id`,
          ),
        );
        return row!.id;
      };
      const revoke = (id: string) =>
        sql`update api_keys set revoked_at = now() where id = ${id} returning id`;
      // An admin revokes any key but an owner's; an owner any.
      const ownersKey = await fresh(user.owner, orgA);
      expect(await as('admin', revoke(ownersKey))).toEqual([]);
      expect(await as('owner', revoke(ownersKey))).toEqual([ownersKey]);
      const adminsKey = await fresh(user.admin, orgA);
      for (const who of ['member', 'keyOfA', 'billing', 'forger', 'ownerOfB'] as const) {
        expect(await as(who, revoke(adminsKey))).toEqual([]);
      }
      expect(await as('anon', revoke(adminsKey))).toBe('42501');
      const bothsKeyInB = await fresh(user.both, orgB);
      expect(await as('keyOfAByBoth', revoke(bothsKeyInB))).toEqual([]);
      expect(await as('owner', revoke(adminsKey))).toEqual([adminsKey]);
      // Never brought back, nor moved, nor deleted.
      const unrevoke = sql`update api_keys set revoked_at = null where id = ${adminsKey} returning id`;
      expect(await as('owner', unrevoke)).toEqual([]);
      const move = sql`update api_keys set organization_id = ${orgB} where id = ${bothsKeyInB} returning id`;
      expect(await as('ownerOfB', move)).toBe('42501');
      expect(await as('owner', sql`delete from api_keys returning id`)).toBe('42501');
      const membersKey = await fresh(user.member, orgA);
      expect(await as('keyOfA', revoke(membersKey))).toEqual([membersKey]);
    });

    it('a member who leaves loses their keys there, and only there', async () => {
      const leaverOfBoth = randomUUID();
      await seedAccounts(testDb.db, [leaverOfBoth]);
      await withServiceRole(testDb.db, (tx) =>
        tx.execute(sql`insert into memberships (organization_id, user_id, role) values
          (${orgA}, ${leaverOfBoth}, 'member'), (${orgB}, ${leaverOfBoth}, 'member')`),
      );
      const keys = [] as string[];
      for (const org of [orgA, orgB]) {
        const [row] = await withServiceRole(testDb.db, (tx) =>
          queryRows<{ id: string }>(
            tx,
            sql`insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
                values (${leaverOfBoth}, ${org}, 'k', ${randomUUID()}, 'sk_test_x', array['members:read'])
                returning id`,
          ),
        );
        keys.push(row!.id);
      }
      const leave = sql`delete from memberships where organization_id = ${orgA} and user_id = ${leaverOfBoth} returning user_id as id`;
      const asLeaver = { role: 'authenticated' as const, sub: leaverOfBoth, org_id: orgA };
      await withRls(testDb.db, asLeaver, (tx) => queryRows(tx, leave));
      const states = await withServiceRole(testDb.db, (tx) =>
        queryRows<{ organization_id: string; revoked: boolean }>(
          tx,
          sql`select organization_id, revoked_at is not null as revoked from api_keys where user_id = ${leaverOfBoth}`,
        ),
      );
      expect(Object.fromEntries(states.map((row) => [row.organization_id, row.revoked]))).toEqual({
        [orgA]: true,
        [orgB]: false,
      });
    });
  });
}
