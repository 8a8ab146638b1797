import { sql } from 'drizzle-orm';
import postgres from 'postgres';

import { openPostgresDatabase } from '@/db/postgres';
import { queryRows } from '@/db/query-rows';
import { withRls, withServiceRole } from '@/db/rls';
import type { Tx } from '@/db/types';
import { listApiKeys } from '@/server/api-keys/service';
import { listOrganizationAuditEvents } from '@/server/audit/list-events';
import { listMembers } from '@/server/organizations/members';

import { freshBenchDatabase } from './database';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const MEMBERS_PER_ORGANIZATION = 10;
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const RUNS = 200;

/**
 * Accounts, teams of ten, a key per member, and audit events spread over the teams, written in a few
 * set-based statements as the database owner (the app's roles may not insert them).
 */
async function seed(admin: postgres.Sql) {
  const users = ORGANIZATIONS * 2;
  await admin.unsafe(`
    alter table auth.users disable trigger user;
    insert into auth.users (id, email, email_confirmed_at)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'u' || n || '@bench.test', now()
      from generate_series(1, ${users}) n;
    alter table auth.users enable trigger user;
    insert into organizations (id, name, slug, created_by)
      select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Team ' || n, 'team-' || n,
             ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
      from generate_series(1, ${ORGANIZATIONS}) n;
    insert into memberships (organization_id, user_id, role)
      select ('00000000-0000-4000-9000-' || lpad(to_hex(o), 12, '0'))::uuid,
             ('00000000-0000-4000-8000-' || lpad(to_hex(((o - 1) * 2 + m) % ${users} + 1), 12, '0'))::uuid,
             case when m = 0 then 'owner' when m = 1 then 'admin' else 'member' end
      from generate_series(1, ${ORGANIZATIONS}) o, generate_series(0, ${MEMBERS_PER_ORGANIZATION - 1}) m
      on conflict do nothing;
    insert into api_keys (user_id, organization_id, name, key_hash, display_prefix, scopes)
      select user_id, organization_id, 'bench', md5(organization_id::text || user_id::text),
             'sk_test_bench', array['members:read']
      from memberships;
    insert into audit_logs (actor_id, action, resource_type, resource_id, organization_id, created_at)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(n % ${users} + 1), 12, '0'))::uuid, 'bench.event',
             'organization', null,
             ('00000000-0000-4000-9000-' || lpad(to_hex(n % ${ORGANIZATIONS} + 1), 12, '0'))::uuid,
             now() - (n || ' seconds')::interval
      from generate_series(1, ${EVENTS}) n;
    analyze;
  `);
}

async function medianMs(run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startedAt = performance.now();
    await run();
    times.push(performance.now() - startedAt);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The plan of `query` as the given claims see it, its scans named. */
async function planOf(tx: Tx, query: ReturnType<typeof sql>) {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
  return rows.map((row) => row['QUERY PLAN']);
}

/**
 * Issue 16's measure: an organization's first page of audit events and its member
 * list, through RLS (acting in the organization, as its admin) against the same
 * work as the service role, at 10,000 organizations, 100,000 memberships and a
 * million events. Needs BENCH_DATABASE_URL (a Postgres server).
 */
export async function benchOrganizations(serverUrl: string | undefined) {
  if (!serverUrl) {
    console.log('\n(set BENCH_DATABASE_URL to measure organizations through RLS at scale)');
    return;
  }
  const database = (await freshBenchDatabase(serverUrl))!;
  const admin = postgres(database.url, { max: 1, onnotice: () => {} });
  const opened = openPostgresDatabase(database.url, { prepare: true, max: 2 });
  try {
    const seededAt = performance.now();
    await seed(admin);
    const seededS = ((performance.now() - seededAt) / 1000).toFixed(0);
    const organizationId = `00000000-0000-4000-9000-${Math.ceil(ORGANIZATIONS / 2)
      .toString(16)
      .padStart(12, '0')}`;
    const [adminRow] = await admin<{ user_id: string }[]>`
      select user_id from memberships where organization_id = ${organizationId} and role = 'admin'`;
    const claims = {
      role: 'authenticated' as const,
      sub: adminRow!.user_id,
      org_id: organizationId,
    };
    const page = { limit: 50 };
    const viewer = adminRow!.user_id;
    const listEvents = (run: typeof withServiceRole) => () =>
      run(opened.db, (tx) => listOrganizationAuditEvents(tx, viewer, organizationId, page));
    const throughRls = listEvents((db, fn) => withRls(db, claims, fn));
    console.log(
      `\nOrganizations at scale: ${ORGANIZATIONS} teams, ${ORGANIZATIONS * MEMBERS_PER_ORGANIZATION} memberships, ` +
        `${ORGANIZATIONS * MEMBERS_PER_ORGANIZATION} API keys, ${EVENTS} audit events (seeded in ${seededS} s); ` +
        `median of ${RUNS} calls, one transaction each.\n`,
    );
    const rls = await medianMs(throughRls);
    const service = await medianMs(listEvents(withServiceRole));
    const listKeys = (run: typeof withServiceRole) => () =>
      run(opened.db, (tx) => listApiKeys(tx, { ...page, organizationId }));
    const keysRls = await medianMs(listKeys((db, fn) => withRls(db, claims, fn)));
    const keysService = await medianMs(listKeys(withServiceRole));
    // The member list reads through a function that needs the acting organization.
    const members = await medianMs(() => withRls(opened.db, claims, (tx) => listMembers(tx)));
    console.log('| listing | through RLS ms | service role ms | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| an organization's first page of audit events (50) | ${rls.toFixed(2)} | ${service.toFixed(2)} | ${(rls / service).toFixed(2)}× |`,
    );
    console.log(
      `| its API keys (all ${MEMBERS_PER_ORGANIZATION}, as its admin) | ${keysRls.toFixed(2)} | ${keysService.toFixed(2)} | ${(keysRls / keysService).toFixed(2)}× |`,
    );
    console.log(`| its members (10) | ${members.toFixed(2)} | | |`);

    const eventsQuery = sql`select id from audit_logs where organization_id = ${organizationId}
      order by created_at desc, id desc limit 51`;
    const plans = await withRls(opened.db, claims, async (tx) => ({
      events: await planOf(tx, eventsQuery),
      memberships: await planOf(
        tx,
        sql`select user_id from memberships where organization_id = ${organizationId}`,
      ),
      api_keys: await planOf(
        tx,
        sql`select id from api_keys where organization_id = ${organizationId}
          order by created_at desc, id desc limit 51`,
      ),
    }));
    for (const [name, plan] of Object.entries(plans)) {
      console.log(`\nPlan through RLS, ${name}:\n${plan.map((line) => `    ${line}`).join('\n')}`);
      if (plan.some((line) => /Seq Scan on (audit_logs|memberships|api_keys)/.test(line))) {
        console.log(`    ✗ a sequential scan on ${name}`);
      }
    }
  } finally {
    // The database goes even when closing a connection fails.
    await Promise.allSettled([opened.close(), admin.end({ timeout: 5 })]);
    await database.drop();
  }
}
