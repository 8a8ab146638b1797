import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';

import { MIGRATIONS_FOLDER } from './embedded';
import { queryRows } from './query-rows';

// What a Supabase project has before our migrations run, in miniature: its own
// auth.uid() (here one that answers a fixed id) and an auth.users with its columns.
const SUPABASE_PRESENT = [
  `create role anon nologin noinherit`,
  `create role authenticated nologin noinherit`,
  `create role service_role nologin noinherit bypassrls`,
  `create schema auth`,
  `create table auth.users (id uuid primary key, email varchar(255), email_confirmed_at timestamptz, supabase_only text)`,
  `create function auth.uid() returns uuid language sql stable
     as $$ select '11111111-1111-4111-8111-111111111111'::uuid $$`,
  // On Supabase these belong to Supabase Auth's own role, not to us.
  `create role supabase_auth_admin nologin`,
  `alter schema auth owner to supabase_auth_admin`,
  `alter table auth.users owner to supabase_auth_admin`,
  `alter function auth.uid() owner to supabase_auth_admin`,
];

describe('the bootstrap migration', () => {
  it('leaves what already exists untouched and adds only what is missing', async () => {
    const client = new PGlite();
    for (const statement of SUPABASE_PRESENT) await client.exec(statement);
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const [uid] = await queryRows(db, sql`select auth.uid() as uid`);
    expect(uid?.uid).toBe('11111111-1111-4111-8111-111111111111');
    const columns = await queryRows<{ name: string }>(
      db,
      sql`select column_name as name from information_schema.columns
          where table_schema = 'auth' and table_name = 'users' order by ordinal_position`,
    );
    expect(columns.map((column) => column.name)).toEqual([
      'id',
      'email',
      'email_confirmed_at',
      'supabase_only',
    ]);
    // Missing helpers are created.
    const [jwt] = await queryRows(
      db,
      sql`select to_regprocedure('auth.jwt()') is not null as present`,
    );
    expect(jwt?.present).toBe(true);
    await client.close();
  });

  it('gives an empty Postgres the roles, auth schema and helpers', async () => {
    const client = new PGlite();
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const roles = await queryRows<{ rolname: string; rolbypassrls: boolean }>(
      db,
      sql`select rolname, rolbypassrls from pg_roles
          where rolname in ('anon', 'authenticated', 'service_role') order by rolname`,
    );
    expect(roles).toEqual([
      { rolname: 'anon', rolbypassrls: false },
      { rolname: 'authenticated', rolbypassrls: false },
      { rolname: 'service_role', rolbypassrls: true },
    ]);
    const [claims] = await queryRows(
      db,
      sql`select set_config('request.jwt.claims', '{"sub":"22222222-2222-4222-8222-222222222222","role":"authenticated"}', false),
                 auth.uid() as uid, auth.role() as role`,
    );
    expect(claims).toMatchObject({
      uid: '22222222-2222-4222-8222-222222222222',
      role: 'authenticated',
    });
    await client.close();
  });
});
