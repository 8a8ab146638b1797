import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';

/**
 * Append-only record of what happened. Users read their own events, owners and
 * admins their organization's; rows are
 * added only through private.record_audit_event (migration 0008), never by a direct
 * insert; nobody updates or deletes (privileges and a trigger).
 * No foreign key on the actor: the trail outlives the account.
 */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id'),
    /** The organization the event happened in, where there was one (no foreign key either). */
    organizationId: uuid('organization_id'),
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
    // An organization's log, newest first.
    index('audit_logs_organization_id_created_at_idx').on(
      table.organizationId,
      table.createdAt,
      table.id,
    ),
    // Date ranges across everyone: the compliance report and retention.
    index('audit_logs_created_at_idx').on(table.createdAt),
    // A user reads what they did and what was done to their account.
    pgPolicy('audit_logs_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.actorId} = ${authUid} or ${table.resourceId} = (${authUid})::text or (${table.details} ->> 'userId') = (${authUid})::text`,
    }),
    // Owners and admins read the log of the organization they act in (migration 0018's helpers).
    pgPolicy('audit_logs_select_organization', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.organizationId} = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin')`,
    }),
  ],
);

export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;
