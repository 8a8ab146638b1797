import { sql } from 'drizzle-orm';
import { check, index, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

import {
  actingOrganization,
  actingRole,
  memberOrganizations,
  organizations,
} from './organizations';

/**
 * API keys. Only the SHA-256 of a key is stored (unique), with a short display
 * prefix; the key itself is shown once, at creation. A key belongs to the member who
 * made it **and** to one organization, the only one it acts in (its creator's
 * personal workspace for a personal key). Through RLS a member reads and revokes
 * their own keys in their organizations, and owners and admins every key of the
 * organization they act in; revoking is the only update (column privileges, 0010).
 * A member who leaves or is removed loses their keys there (a trigger, 0020).
 * Finding a key by its hash is the service path's, before anyone is known.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    displayPrefix: text('display_prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => {
    // Who may revoke a key: its creator, where they are a member; the owners of the
    // organization acted in; its admins, unless the creator is an owner there.
    const revokerMay = sql`(${table.userId} = ${authUid} and ${table.organizationId} = any(${memberOrganizations})) or (${table.organizationId} = ${actingOrganization} and (${actingRole} = 'owner' or (${actingRole} = 'admin' and private.member_role(${table.organizationId}, ${table.userId}) is distinct from 'owner')))`;
    return [
      index('api_keys_user_id_created_at_idx').on(table.userId, table.createdAt, table.id),
      index('api_keys_organization_id_created_at_idx').on(
        table.organizationId,
        table.createdAt,
        table.id,
      ),
      check('api_keys_name_length', sql`char_length(${table.name}) between 1 and 80`),
      check(
        'api_keys_scopes_known',
        sql`${table.scopes} <@ array['profile:read', 'profile:write', 'api-keys:read', 'api-keys:write', 'billing:read', 'billing:write', 'audit:read', 'metrics:read', 'admin', 'members:read', 'members:write', 'invitations:write', 'organization:write', 'organization:delete']::text[]`,
      ),
      pgPolicy('api_keys_select_own', {
        for: 'select',
        to: authenticatedRole,
        using: sql`(${table.userId} = ${authUid} and ${table.organizationId} = any(${memberOrganizations})) or (${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin'))`,
      }),
      // A member makes keys for themselves, in an organization where their role may.
      pgPolicy('api_keys_insert_own', {
        for: 'insert',
        to: authenticatedRole,
        withCheck: sql`${table.userId} = ${authUid} and ${table.revokedAt} is null and ${table.organizationId} = any(${memberOrganizations}) and private.member_role(${table.organizationId}, ${authUid}) in ('owner', 'admin', 'member')`,
      }),
      // Revoke a live key (one's own; any of the organization's as its owner, any but
      // an owner's as its admin), never bring a revoked one back.
      pgPolicy('api_keys_update_own', {
        for: 'update',
        to: authenticatedRole,
        using: sql`${table.revokedAt} is null and (${revokerMay})`,
        withCheck: sql`${table.revokedAt} is not null and (${revokerMay})`,
      }),
    ];
  },
);

export type ApiKey = typeof apiKeys.$inferSelect;
