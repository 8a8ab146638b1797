import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { errorReports } from '@/db/schema';
import { recordAuditEvent } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/errors';

import type { AdminCall } from './actions';

const STATE = {
  open: isNull(errorReports.resolvedAt),
  resolved: isNotNull(errorReports.resolvedAt),
  all: undefined,
};

/** Aggregated error reports, most recently seen first. */
export function listErrorReportsAsAdmin(
  call: AdminCall,
  input: { state: keyof typeof STATE; limit: number },
) {
  return withServiceRole(call.db, (tx) =>
    tx
      .select()
      .from(errorReports)
      .where(STATE[input.state])
      .orderBy(desc(errorReports.lastSeenAt))
      .limit(input.limit),
  );
}

export async function errorReportAsAdmin(call: AdminCall, id: string) {
  const [report] = await withServiceRole(call.db, (tx) =>
    tx.select().from(errorReports).where(eq(errorReports.id, id)),
  );
  if (!report) throw new AppError('NOT_FOUND', 'No such error report.');
  return report;
}

/** Marks a report resolved; it reopens by itself if the error happens again. */
export async function resolveErrorReportAsAdmin(call: AdminCall, id: string) {
  return withServiceRole(call.db, async (tx) => {
    const [resolved] = await tx
      .update(errorReports)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(errorReports.id, id), isNull(errorReports.resolvedAt)))
      .returning();
    if (!resolved) {
      // Already resolved: nothing changes, nothing to audit.
      const [report] = await tx.select().from(errorReports).where(eq(errorReports.id, id));
      if (!report) throw new AppError('NOT_FOUND', 'No such error report.');
      return report;
    }
    const report = resolved;
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.error_report_resolved',
        resourceType: 'error_report',
        resourceId: id,
        details: { fingerprint: report.fingerprint },
      },
      call.audit,
    );
    return report;
  });
}
