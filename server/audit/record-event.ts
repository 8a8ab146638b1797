import { sql } from 'drizzle-orm';

import type { Tx } from '@/db/types';

export type AuditEvent = {
  actorId: string | null;
  action: string;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
  success?: boolean;
  /** The organization it happened in: its owners and admins read it there. */
  organizationId?: string;
};

export type AuditContext = {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
  /** The admin viewing the product as the user, if one is: every event says so. */
  impersonatorId?: string;
};

/**
 * Appends an audit event in the caller's transaction, so the event exists exactly
 * when the change does. It goes through private.record_audit_event, the only way
 * in: under RLS it records events about the signed-in user only, and in their own
 * organizations only.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent, context: AuditContext) {
  const details = context.impersonatorId
    ? { ...event.details, impersonatedBy: context.impersonatorId }
    : event.details;
  await tx.execute(sql`select private.record_audit_event(
    ${event.actorId}::uuid, ${event.action}, ${event.resourceType ?? null},
    ${event.resourceId ?? null}, ${details ? JSON.stringify(details) : null}::jsonb,
    ${event.success ?? true}, ${context.requestId}, ${context.clientIp},
    ${context.userAgent?.slice(0, 512) ?? null}, ${event.organizationId ?? null}::uuid)`);
}
