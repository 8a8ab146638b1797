import { auditLogs } from '@/db/schema';
import type { Tx } from '@/db/types';

export type AuditEvent = {
  actorId: string | null;
  action: string;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
  success?: boolean;
};

export type AuditContext = { requestId: string; clientIp: string | null; userAgent: string | null };

/**
 * Appends an audit event in the caller's transaction, so the event exists exactly
 * when the change does. Under RLS a user may only record events about themselves.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent, context: AuditContext) {
  await tx.insert(auditLogs).values({
    ...event,
    success: event.success ?? true,
    requestId: context.requestId,
    ip: context.clientIp,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
  });
}
