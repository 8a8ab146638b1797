import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgPolicy,
  pgSchema,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

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
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    ...timestamps,
  },
  (table) => [
    check('profiles_role_known', sql`${table.role} in ('user', 'admin')`),
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
  },
  (table) => [
    index('user_sessions_user_id_idx').on(table.userId),
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

/**
 * Append-only record of what happened. Users read their own events; rows are
 * added only through private.record_audit_event (migration 0008), never by a direct
 * insert; nobody updates or deletes (privileges and a trigger).
 * No foreign key on the actor: the trail outlives the account.
 */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull().default(true),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_logs_actor_id_created_at_idx').on(table.actorId, table.createdAt),
    // Events about a user that someone else did (an admin revoking their key).
    index('audit_logs_resource_id_idx').on(table.resourceId),
    index('audit_logs_subject_user_idx').using('btree', sql`(${table.details} ->> 'userId')`),
    // Date ranges across everyone: the compliance report and retention.
    index('audit_logs_created_at_idx').on(table.createdAt),
    // A user reads what they did and what was done to their account.
    pgPolicy('audit_logs_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.actorId} = ${authUid} or ${table.resourceId} = (${authUid})::text or (${table.details} ->> 'userId') = (${authUid})::text`,
    }),
  ],
);

export type Profile = typeof profiles.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;

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
