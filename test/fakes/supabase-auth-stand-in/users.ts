import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

import { sql, type SQL } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';

/**
 * The stand-in's accounts live where Supabase Auth keeps them, in auth.users, so the
 * database reacts as it would in production (the profile trigger, RLS on auth.uid()).
 * The JSON shape of a user is GoTrue's.
 */
export type AuthUser = {
  id: string;
  email: string;
  passwordHash: string | null;
  confirmed: boolean;
  pendingEmail: string | null;
  /** The user object as GoTrue returns it. */
  json: Record<string, unknown>;
};

// GoTrue's rows carry the nil instance id; its queries filter on it.
const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>;

// GoTrue stores bcrypt; any one-way hash serves a stand-in, and scrypt is built in.
export async function hashPassword(password: string) {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await scryptAsync(password, salt, 32)).toString('base64')}`;
}

export async function passwordMatches(passwordHash: string | null, password: string) {
  const [scheme, salt, expected] = passwordHash?.split('$') ?? [];
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), 32);
  return timingSafeEqual(actual, Buffer.from(expected, 'base64'));
}

const run = (db: Database, query: SQL) => withServiceRole(db, (tx) => tx.execute(query));

// GoTrue lists one identity per provider; a new user has its email identity, which is
// how apps tell a real sign-up from the obfuscated reply for a taken address.
function emailIdentity(user: Record<string, unknown>) {
  const digest = createHash('sha256')
    .update(`identity:${String(user.id)}`)
    .digest('hex');
  const identityId = digest
    .slice(0, 32)
    .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5');
  const metadata = user.user_metadata as Record<string, unknown>;
  return {
    identity_id: identityId,
    id: user.id,
    user_id: user.id,
    identity_data: {
      sub: user.id,
      email: user.email,
      email_verified: metadata.email_verified ?? false,
      phone_verified: false,
    },
    provider: 'email',
    email: user.email,
    last_sign_in_at: user.last_sign_in_at ?? null,
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

async function findUser(db: Database, where: SQL): Promise<AuthUser | null> {
  // The object is built in SQL and read back as text, so both drivers return the same
  // timestamps and jsonb, whatever their own type parsers do.
  const [row] = await withServiceRole(db, (tx) =>
    queryRows<Omit<AuthUser, 'json'> & { json: string }>(
      tx,
      sql`select id::text as id, email, encrypted_password as "passwordHash",
            email_confirmed_at is not null as confirmed, nullif(email_change, '') as "pendingEmail",
            json_build_object(
              'id', id, 'aud', aud, 'role', role, 'email', email,
              'email_confirmed_at', email_confirmed_at, 'phone', coalesce(phone, ''),
              'confirmation_sent_at', confirmation_sent_at, 'confirmed_at', email_confirmed_at,
              'recovery_sent_at', recovery_sent_at, 'new_email', nullif(email_change, ''),
              'email_change_sent_at', email_change_sent_at, 'last_sign_in_at', last_sign_in_at,
              'app_metadata', coalesce(raw_app_meta_data, '{}'),
              'user_metadata', coalesce(raw_user_meta_data, '{}'),
              'created_at', created_at, 'updated_at', updated_at, 'is_anonymous', is_anonymous
            )::text as json
          from auth.users where instance_id = ${INSTANCE_ID} and ${where}`,
    ),
  );
  if (!row) return null;
  // GoTrue leaves unset optional fields out rather than sending null.
  const json = Object.fromEntries(
    Object.entries(JSON.parse(row.json) as Record<string, unknown>).filter(([, v]) => v !== null),
  );
  return { ...row, json: { ...json, identities: [emailIdentity(json)] } };
}

export const findUserByEmail = (db: Database, email: string) =>
  findUser(db, sql`lower(email) = ${email.toLowerCase()} and is_sso_user = false`);

export const findUserById = (db: Database, id: string) => findUser(db, sql`id = ${id}`);

export async function insertUser(
  db: Database,
  input: { email: string; passwordHash: string; data: Record<string, unknown> },
) {
  const id = randomUUID();
  // GoTrue merges the email identity's data into the metadata the client supplied.
  const metadata = {
    ...input.data,
    sub: id,
    email: input.email,
    email_verified: false,
    phone_verified: false,
  };
  await run(
    db,
    sql`insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
          confirmation_sent_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
        values (${INSTANCE_ID}, ${id}, 'authenticated', 'authenticated', ${input.email},
                ${input.passwordHash}, now(),
                ${JSON.stringify({ provider: 'email', providers: ['email'] })}::jsonb,
                ${JSON.stringify(metadata)}::jsonb, now(), now())`,
  );
  return id;
}

const update = (db: Database, id: string, set: SQL) =>
  run(db, sql`update auth.users set ${set}, updated_at = now() where id = ${id}`);

export const confirmEmail = (db: Database, id: string) =>
  update(
    db,
    id,
    sql`email_confirmed_at = coalesce(email_confirmed_at, now()),
        raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || '{"email_verified": true}'::jsonb`,
  );

export const setPasswordHash = (db: Database, id: string, passwordHash: string) =>
  update(db, id, sql`encrypted_password = ${passwordHash}`);

export const mergeUserMetadata = (db: Database, id: string, data: Record<string, unknown>) =>
  update(
    db,
    id,
    sql`raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || ${JSON.stringify(data)}::jsonb`,
  );

export const markSignedIn = (db: Database, id: string) =>
  update(db, id, sql`last_sign_in_at = now()`);

export const markMailSent = (db: Database, id: string, type: 'signup' | 'recovery') =>
  update(
    db,
    id,
    type === 'signup' ? sql`confirmation_sent_at = now()` : sql`recovery_sent_at = now()`,
  );

export const requestEmailChange = (db: Database, id: string, newEmail: string) =>
  update(db, id, sql`email_change = ${newEmail}, email_change_sent_at = now()`);

export const applyEmailChange = (db: Database, id: string) =>
  update(
    db,
    id,
    sql`email = email_change, email_change = '',
        raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || jsonb_build_object('email', email_change)`,
  );
