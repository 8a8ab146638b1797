import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

/*
 * Organizations: the unit of tenancy. Every account has a personal workspace (made by
 * a trigger on auth.users, in the account's own transaction); teams have members.
 * The organization a request acts in is the `org_id` claim; the policies below call
 * the security-definer helpers of migration 0018 (private schema), wrapped in
 * `(select …)` so each runs once per statement:
 *   private.member_organization_ids()  the caller's organizations (only the acting
 *                                      one when the claims name one)
 *   private.acting_organization_id()   the `org_id` claim
 *   private.acting_role()              the caller's role there, or null
 * Creating a team and accepting an invitation add memberships only through the
 * migration's functions; no role the app uses may insert one directly.
 */

export const actingOrganization = sql`(select private.acting_organization_id())`;
export const actingRole = sql`(select private.acting_role())`;
// Cast, so that `= any(…)` reads an array expression rather than a subquery of arrays.
export const memberOrganizations = sql`(select private.member_organization_ids())::uuid[]`;

export const ORGANIZATION_ROLES = ['owner', 'admin', 'member', 'billing'] as const;
/** The roles an invitation may offer: ownership is transferred, never invited. */
export const INVITABLE_ROLES = ['admin', 'member', 'billing'] as const;

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** The account whose personal workspace this is; null for a team. */
    personalUserId: uuid('personal_user_id')
      .unique()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => authUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('organizations_name_length', sql`char_length(${table.name}) between 1 and 80`),
    check('organizations_slug_shape', sql`${table.slug} ~ '^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$'`),
    index('organizations_created_by_idx').on(table.createdBy),
    pgPolicy('organizations_select_member', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.id} = any(${memberOrganizations})`,
    }),
    pgPolicy('organizations_update_admin', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.id} = ${actingOrganization} and ${actingRole} in ('owner', 'admin')`,
      withCheck: sql`${table.id} = ${actingOrganization} and ${actingRole} in ('owner', 'admin')`,
    }),
    pgPolicy('organizations_delete_owner', {
      for: 'delete',
      to: authenticatedRole,
      using: sql`${table.id} = ${actingOrganization} and ${actingRole} = 'owner' and ${table.personalUserId} is null`,
    }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORGANIZATION_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.userId] }),
    // The policy helpers look memberships up by user first.
    index('memberships_user_id_organization_id_idx').on(table.userId, table.organizationId),
    check('memberships_role_known', sql`${table.role} in ('owner', 'admin', 'member', 'billing')`),
    pgPolicy('memberships_select_member', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.organizationId} = any(${memberOrganizations})`,
    }),
    // Owners and admins change roles; only owners touch an owner's row or make one.
    pgPolicy('memberships_update_admin', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin') and (${table.role} <> 'owner' or ${actingRole} = 'owner')`,
      withCheck: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin') and (${table.role} <> 'owner' or ${actingRole} = 'owner')`,
    }),
    // Owners and admins remove members (only owners remove an owner); anyone may leave.
    pgPolicy('memberships_delete_admin_or_self', {
      for: 'delete',
      to: authenticatedRole,
      using: sql`${table.organizationId} = ${actingOrganization} and ((${table.userId} = ${authUid}) or (${actingRole} in ('owner', 'admin') and (${table.role} <> 'owner' or ${actingRole} = 'owner')))`,
    }),
  ],
);

/**
 * Invitations by email. Only the SHA-256 of the one-time token is kept; resending
 * replaces it (the old link stops working). Owners and admins of the organization
 * read and write them; the invitee accepts through private.accept_invitation.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: INVITABLE_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => authUsers.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => authUsers.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('invitations_organization_id_created_at_idx').on(table.organizationId, table.createdAt),
    // One open invitation per address and organization.
    uniqueIndex('invitations_open_email_idx')
      .on(table.organizationId, table.email)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
    check('invitations_email_lowercase', sql`${table.email} = lower(${table.email})`),
    check('invitations_role_known', sql`${table.role} in ('admin', 'member', 'billing')`),
    pgPolicy('invitations_select_admin', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin')`,
    }),
    pgPolicy('invitations_insert_admin', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin') and ${table.invitedBy} = ${authUid} and ${table.acceptedAt} is null and ${table.acceptedBy} is null and ${table.revokedAt} is null`,
    }),
    // Resend (a new token and expiry) and revoke, on open invitations only.
    pgPolicy('invitations_update_admin', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin') and ${table.acceptedAt} is null and ${table.revokedAt} is null`,
      withCheck: sql`${table.organizationId} = ${actingOrganization} and ${actingRole} in ('owner', 'admin') and ${table.acceptedAt} is null`,
    }),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];
