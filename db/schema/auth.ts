import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  pgPolicy,
  pgSchema,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

/** How a session's sign-in was proven: a password, a mailed link, or the code in that mail. */
export const SESSION_METHODS = ['password', 'email-link', 'email-code'] as const;
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
  },
  (table) => [
    index('user_sessions_user_id_idx').on(table.userId),
    check(
      'user_sessions_method_known',
      sql`${table.method} in ('password', 'email-link', 'email-code')`,
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

export type Profile = typeof profiles.$inferSelect;
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
