import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  pgPolicy,
  pgSchema,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

/**
 * How a session's sign-in was proven: a password, a mailed link, the code in that
 * mail, a passkey, an OAuth provider (GitHub, Google) vouching for a linked identity,
 * or an admin opening a view as the user.
 */
export const SESSION_METHODS = [
  'password',
  'email-link',
  'email-code',
  'passkey',
  'oauth',
  'impersonation',
] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One profile per user, created by a trigger on auth.users (as on Supabase). Users
 * read and update their own; `role` is not among the columns they may update
 * (column privileges in the migration).
 */
export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    displayName: text('display_name'),
    avatarUrl: text('avatar_url'),
    /** The language the product speaks to them (server/i18n/locales.ts); null: the browser's. */
    locale: text('locale'),
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    ...timestamps,
  },
  (table) => [
    check('profiles_role_known', sql`${table.role} in ('user', 'admin')`),
    // A language tag's shape, not a list: adding a language needs no migration.
    check('profiles_locale_tag', sql`${table.locale} is null or ${table.locale} ~ '^[a-z]{2}$'`),
    check(
      'profiles_avatar_https',
      sql`${table.avatarUrl} is null or ${table.avatarUrl} like 'https://%'`,
    ),
    pgPolicy('profiles_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.id} = ${authUid}`,
    }),
    pgPolicy('profiles_update_own', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.id} = ${authUid}`,
      withCheck: sql`${table.id} = ${authUid}`,
    }),
  ],
);

/**
 * Built-in provider sessions. Only the SHA-256 of the cookie token is stored. Users
 * see and revoke their own; finding a session by its token is the service path's.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** How the sign-in that opened it was proven (a second factor will need to know). */
    method: text('method', { enum: SESSION_METHODS }).notNull().default('password'),
    /**
     * When this session last proved a second factor (a TOTP or recovery code): an
     * account with two-factor authentication needs it to use the session at all, and
     * a recent one for sensitive actions (server/auth/two-factor/assurance.ts).
     */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    /** For an admin's view of the product as this user: the admin (method 'impersonation'). */
    impersonatorId: uuid('impersonator_id').references(() => authUsers.id, {
      onDelete: 'cascade',
    }),
  },
  (table) => [
    index('user_sessions_user_id_idx').on(table.userId),
    index('user_sessions_impersonator_id_idx').on(table.impersonatorId),
    check(
      'user_sessions_impersonator_for_impersonation',
      sql`(${table.method} = 'impersonation') = (${table.impersonatorId} is not null)`,
    ),
    check(
      'user_sessions_method_known',
      sql`${table.method} in ('password', 'email-link', 'email-code', 'passkey', 'oauth', 'impersonation')`,
    ),
    pgPolicy('user_sessions_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
    // A user may end a live session of theirs, never bring an ended one back.
    pgPolicy('user_sessions_update_own', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid} and ${table.revokedAt} is null`,
      withCheck: sql`${table.userId} = ${authUid} and ${table.revokedAt} is not null`,
    }),
  ],
);

/** The OAuth providers an identity may come from (server/auth/oauth/providers.ts). */
export const OAUTH_PROVIDERS = ['github', 'google'] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDERS)[number];

/**
 * OAuth identities linked to an account: one provider account signs into exactly
 * one of ours. Users see and unlink their own; linking is the service path's (the
 * provider's word is checked there, not by a policy).
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: OAUTH_PROVIDERS }).notNull(),
    /** The provider's stable id of the account (GitHub's numeric id, OIDC's `sub`). */
    providerUserId: text('provider_user_id').notNull(),
    /** The address the provider gave when it was linked: shown, never signed in with. */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('user_identities_provider_user_idx').on(table.provider, table.providerUserId),
    index('user_identities_user_id_idx').on(table.userId),
    check('user_identities_provider_known', sql`${table.provider} in ('github', 'google')`),
    pgPolicy('user_identities_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
    pgPolicy('user_identities_delete_own', {
      for: 'delete',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
  ],
);

export type Profile = typeof profiles.$inferSelect;
export type UserIdentity = typeof userIdentities.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;

/**
 * Accounts as the service path may read them (migration 0015): a view over
 * auth.users, which on Supabase the service role cannot read directly.
 */
export const userAccounts = pgSchema('private')
  .view('user_accounts', {
    id: uuid('id').notNull(),
    email: varchar('email', { length: 255 }),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  })
  .existing();

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // Drivers hand back a Buffer (a Uint8Array); the WebAuthn library wants a plain one.
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * Passkeys (WebAuthn credentials) of built-in provider accounts. The public key
 * only: the private key never leaves the authenticator. Users list, rename and
 * remove their own; adding one and signing in with one are the service path's,
 * after the library has verified the browser's answer.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    /** The authenticator's id for the credential, base64url, as browsers send it. */
    credentialId: text('credential_id').notNull().unique(),
    publicKey: bytea('public_key').notNull(),
    /** The signature counter last seen; 0 for authenticators that keep none. */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Whether the credential may be synced (a multi-device passkey) and is backed up. */
    multiDevice: boolean('multi_device').notNull().default(false),
    backedUp: boolean('backed_up').notNull().default(false),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [
    index('passkeys_user_id_idx').on(table.userId),
    check('passkeys_name_length', sql`char_length(${table.name}) between 1 and 64`),
    pgPolicy('passkeys_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
    pgPolicy('passkeys_update_own', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
      withCheck: sql`${table.userId} = ${authUid}`,
    }),
    pgPolicy('passkeys_delete_own', {
      for: 'delete',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
  ],
);

export const PASSKEY_CHALLENGE_PURPOSES = ['register', 'sign_in'] as const;

/**
 * WebAuthn challenges handed out and not yet answered: each is taken (deleted) by
 * the one answer that uses it, so none works twice, and none after five minutes.
 * A registration's names the account it is for. Service only: RLS is on and no
 * policy grants the API roles anything.
 */
export const passkeyChallenges = pgTable(
  'passkey_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: PASSKEY_CHALLENGE_PURPOSES }).notNull(),
    userId: uuid('user_id').references(() => authUsers.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('passkey_challenges_user_id_idx').on(table.userId),
    index('passkey_challenges_expires_at_idx').on(table.expiresAt),
    check('passkey_challenges_purpose_known', sql`${table.purpose} in ('register', 'sign_in')`),
    check(
      'passkey_challenges_user_for_register',
      sql`(${table.purpose} = 'register') = (${table.userId} is not null)`,
    ),
  ],
).enableRLS();

export type Passkey = typeof passkeys.$inferSelect;

/**
 * A built-in account's authenticator (TOTP, RFC 6238). The secret is stored
 * encrypted (AES-256-GCM, server/auth/two-factor/secret-box.ts); `enabledAt` is null
 * while an enrolment waits for its first code. `lastStep` is the time step of the
 * last accepted code: a code of that step or an earlier one is refused (no replay).
 * Service only: RLS is on and no policy grants the API roles anything, since the
 * row holds a credential.
 */
export const twoFactorFactors = pgTable(
  'two_factor_factors',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    secretCiphertext: text('secret_ciphertext').notNull(),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    lastStep: bigint('last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('two_factor_factors_step_positive', sql`${table.lastStep} >= 0`)],
).enableRLS();

/**
 * Ten one-time recovery codes per enrolment, only their SHA-256 stored (the codes
 * are random, 50 bits and more, so a fast hash suffices: there is no dictionary to
 * try). A used code keeps its row with `usedAt`, so using it again is told apart.
 * Service only, as above.
 */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('two_factor_recovery_codes_user_id_idx').on(table.userId, table.codeHash)],
).enableRLS();

export type TwoFactorFactor = typeof twoFactorFactors.$inferSelect;
