import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_FOLDER } from '@/db/embedded';
import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import { generateApiKey, parseApiKey } from '@/server/api-keys/key-format';
import { planInTx } from '@/server/billing/entitlements';
import { identifyByApiKey, keyShape } from '@/server/api-keys/verify';
import { apiKeyLookups } from '@/server/pipeline-deps';
import { testScope } from '@/test/helpers/scope';

// The migrations as they were before organizations (0018), in a folder of their own.
const BEFORE = 18;

function migrationsBefore(count: number) {
  const folder = mkdtempSync(path.join(tmpdir(), 'migrations-before-'));
  mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
  );
  journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx < count);
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries as { tag: string }[]) {
    copyFileSync(
      path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    );
  }
  return folder;
}

const users = ['a', 'b', 'c'].map((letter) => ({
  id: crypto.randomUUID(),
  email: `${letter}-${crypto.randomUUID()}@example.com`,
}));
const shape = keyShape();
const keys = [generateApiKey(shape.prefix, shape.mode), generateApiKey(shape.prefix, shape.mode)];
const customer = `cus_${crypto.randomUUID()}`;

let before: string;
let database: TestDatabase;
const db = () => database.db;
const count = async (table: string) => {
  const [row] = await withServiceRole(db(), (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
  );
  return row!.n;
};

beforeAll(async () => {
  before = migrationsBefore(BEFORE);
  database = await createTestDatabase({ migrationsFolder: before });
  // Today's data, as the app of 0017 wrote it.
  await withServiceRole(db(), async (tx) => {
    for (const user of users) {
      await tx.execute(
        sql`insert into auth.users (id, email, email_confirmed_at) values (${user.id}, ${user.email}, now())`,
      );
    }
    for (const [index, key] of keys.entries()) {
      const { hash, displayPrefix } = parseApiKey(key, shape)!;
      await tx.execute(sql`insert into api_keys (user_id, name, key_hash, display_prefix, scopes)
        values (${users[index]!.id}, 'seeded', ${hash}, ${displayPrefix}, array['profile:read'])`);
    }
    await tx.execute(sql`insert into billing_accounts (user_id, stripe_customer_id, plan)
      values (${users[1]!.id}, ${customer}, 'pro')`);
    await tx.execute(sql`insert into subscriptions
      (id, user_id, stripe_customer_id, status, price_id, plan, interval, quantity, created_at)
      values (${`sub_${crypto.randomUUID()}`}, ${users[1]!.id}, ${customer}, 'active',
              'price_pro_monthly', 'pro', 'month', 1, now())`);
    await tx.execute(sql`select private.record_audit_event(${users[0]!.id}::uuid, 'account.created',
      'user', ${users[0]!.id}, null, true, 'seed', null, null)`);
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
  rmSync(before, { recursive: true, force: true });
});

describe('migrations 0018–0021 (organizations; keys and billing in them) on a database with data', () => {
  it('gives every existing account its workspace, moves its keys there and loses nothing', async () => {
    const counts = {
      profiles: await count('profiles'),
      api_keys: await count('api_keys'),
      billing_accounts: await count('billing_accounts'),
      subscriptions: await count('subscriptions'),
      audit_logs: await count('audit_logs'),
    };
    expect(counts).toEqual({
      profiles: 3,
      api_keys: 2,
      billing_accounts: 1,
      subscriptions: 1,
      audit_logs: 1,
    });

    await database.migrate(MIGRATIONS_FOLDER);

    for (const [table, rows] of Object.entries(counts)) expect(await count(table)).toBe(rows);
    const workspaces = await withServiceRole(db(), (tx) =>
      queryRows<{
        user_id: string;
        role: string;
        personal_user_id: string;
        organization_id: string;
      }>(
        tx,
        sql`select m.user_id, m.role, o.personal_user_id, o.id as organization_id
            from organizations o join memberships m on m.organization_id = o.id order by m.user_id`,
      ),
    );
    expect(workspaces).toEqual(
      users
        .map((user) => ({
          user_id: user.id,
          role: 'owner',
          personal_user_id: user.id,
          organization_id: expect.any(String),
        }))
        .sort((x, y) => x.user_id.localeCompare(y.user_id)),
    );
    // Every key moved into its owner's workspace (0020) and still verifies, acting there.
    for (const [index, key] of keys.entries()) {
      const identity = await identifyByApiKey(key, db(), testScope(), apiKeyLookups);
      const workspace = workspaces.find((row) => row.user_id === users[index]!.id);
      expect(identity).toMatchObject({
        kind: 'user',
        userId: users[index]!.id,
        permissions: ['profile:read'],
        organization: { id: workspace!.organization_id, personal: true, role: 'owner' },
        claims: { org_id: workspace!.organization_id },
      });
    }
    // A key inserted as the previous release did (no organization) lands in its
    // creator's workspace: a rolling deploy's old instances keep making personal keys.
    const [oldStyle] = await withServiceRole(db(), (tx) =>
      queryRows<{ organization_id: string }>(
        tx,
        sql`insert into api_keys (user_id, name, key_hash, display_prefix, scopes)
            values (${users[2]!.id}, 'old', ${`old-${crypto.randomUUID()}`}, 'sk_test_old', array['profile:read'])
            returning organization_id`,
      ),
    );
    expect(oldStyle!.organization_id).toBe(
      workspaces.find((row) => row.user_id === users[2]!.id)!.organization_id,
    );
    // The paying account's billing moved into its workspace (0021): same customer,
    // same plan, same subscription.
    const payer = workspaces.find((row) => row.user_id === users[1]!.id)!.organization_id;
    const billing = await withServiceRole(db(), (tx) =>
      queryRows<{ table: string; organization_id: string; plan: string }>(
        tx,
        sql`select 'account' as table, organization_id, plan from billing_accounts
            union all select 'subscription', organization_id, plan from subscriptions`,
      ),
    );
    expect(billing).toEqual([
      { table: 'account', organization_id: payer, plan: 'pro' },
      { table: 'subscription', organization_id: payer, plan: 'pro' },
    ]);
    expect(await withServiceRole(db(), (tx) => planInTx(tx, payer))).toBe('pro');
    // Billing rows written as the previous release did (by user) land there too.
    const thirdWorkspace = workspaces.find((row) => row.user_id === users[2]!.id)!.organization_id;
    const oldCustomer = `cus_${crypto.randomUUID()}`;
    const oldRows = await withServiceRole(db(), async (tx) => [
      ...(await queryRows<{ organization_id: string }>(
        tx,
        sql`insert into billing_accounts (user_id, stripe_customer_id) values (${users[2]!.id}, ${oldCustomer})
            returning organization_id`,
      )),
      ...(await queryRows<{ organization_id: string }>(
        tx,
        sql`insert into subscriptions (id, user_id, stripe_customer_id, status, price_id, created_at)
            values (${`sub_${crypto.randomUUID()}`}, ${users[2]!.id}, ${oldCustomer}, 'active', 'price_pro_monthly', now())
            returning organization_id`,
      )),
    ]);
    expect(oldRows).toEqual([
      { organization_id: thirdWorkspace },
      { organization_id: thirdWorkspace },
    ]);
    // And this release's rows for a personal workspace name its user, so that the
    // previous release, which looks billing up by user, finds them too.
    const firstWorkspace = workspaces.find((row) => row.user_id === users[0]!.id)!.organization_id;
    const [newRow] = await withServiceRole(db(), (tx) =>
      queryRows<{ user_id: string }>(
        tx,
        sql`insert into billing_accounts (organization_id, stripe_customer_id)
            values (${firstWorkspace}, ${`cus_${crypto.randomUUID()}`}) returning user_id`,
      ),
    );
    expect(newRow!.user_id).toBe(users[0]!.id);

    // And an account made after it gets its workspace in its own transaction.
    const later = crypto.randomUUID();
    await withServiceRole(db(), (tx) =>
      tx.execute(
        sql`insert into auth.users (id, email) values (${later}, ${`${later}@example.com`})`,
      ),
    );
    expect(await count('organizations')).toBe(4);
  });
});
