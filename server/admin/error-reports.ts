import { withServiceRole } from '@/db/rls';
import { recordAuditEvent } from '@/server/audit/record-event';
import {
  errorReportById,
  listErrorReports,
  resolveErrorReport,
  type ErrorReportState,
} from '@/server/core/error-report-triage';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import type { AdminCall } from './actions';

/** Aggregated error reports, most recently seen first. */
export function listErrorReportsAsAdmin(
  call: AdminCall,
  input: { state: ErrorReportState; limit: number },
) {
  return withServiceRole(call.db, (tx) => listErrorReports(tx, input));
}

export async function errorReportAsAdmin(call: AdminCall, id: string) {
  const report = await withServiceRole(call.db, (tx) => errorReportById(tx, id));
  if (!report) throw new AppError('NOT_FOUND', said('admin.noSuchErrorReport'));
  return report;
}

/** Marks a report resolved; it reopens by itself if the error happens again. */
export async function resolveErrorReportAsAdmin(call: AdminCall, id: string) {
  return withServiceRole(call.db, async (tx) => {
    const outcome = await resolveErrorReport(tx, id);
    if (!outcome) throw new AppError('NOT_FOUND', said('admin.noSuchErrorReport'));
    // Already resolved: nothing changed, nothing to audit.
    if (outcome.resolvedNow) {
      await recordAuditEvent(
        tx,
        {
          actorId: call.adminId,
          action: 'admin.error_report_resolved',
          resourceType: 'error_report',
          resourceId: id,
          details: { fingerprint: outcome.report.fingerprint },
        },
        call.audit,
      );
    }
    return outcome.report;
  });
}
