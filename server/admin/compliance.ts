import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { actionCountsBetween } from '@/server/audit/admin-reports';
import { toCsv } from '@/server/platform/http/csv';

/**
 * For a date range (whole UTC days): how many events of each action happened, and
 * to how many distinct users, most frequent first, with the same rows as CSV.
 */
export async function complianceReportAsAdmin(db: Database, range: { from: string; to: string }) {
  const counted = await withServiceRole(db, (tx) => actionCountsBetween(tx, range));
  const csv = toCsv(counted, ['action', 'events', 'users']);
  return { ...range, rows: counted, csv };
}
