import { sql } from 'drizzle-orm';
import { check, index, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

/**
 * API keys. Only the SHA-256 of a key is stored (unique), with a short display
 * prefix; the key itself is shown once, at creation. Owners read, create and revoke
 * their own (RLS; revoking is the only update, by column privileges in the
 * migration); finding a key by its hash is the service path's, before anyone is known.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    displayPrefix: text('display_prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    index('api_keys_user_id_created_at_idx').on(table.userId, table.createdAt, table.id),
    check('api_keys_name_length', sql`char_length(${table.name}) between 1 and 80`),
    check(
      'api_keys_scopes_known',
      sql`${table.scopes} <@ array['profile:read', 'profile:write', 'api-keys:read', 'api-keys:write', 'billing:read', 'billing:write', 'audit:read', 'metrics:read', 'admin']::text[]`,
    ),
    pgPolicy('api_keys_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
    pgPolicy('api_keys_insert_own', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${table.userId} = ${authUid} and ${table.revokedAt} is null`,
    }),
    // An owner may revoke a live key, never bring a revoked one back.
    pgPolicy('api_keys_update_own', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid} and ${table.revokedAt} is null`,
      withCheck: sql`${table.userId} = ${authUid} and ${table.revokedAt} is not null`,
    }),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
