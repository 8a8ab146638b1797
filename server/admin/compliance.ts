import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { endOf, startOf } from '@/server/audit/schemas';
import { toCsv } from '@/server/platform/csv';

/**
 * For a date range (whole UTC days): how many events of each action happened, and
 * to how many distinct users, most frequent first.
 */
export async function complianceReportAsAdmin(db: Database, range: { from: string; to: string }) {
  const rows = await withServiceRole(db, (tx) =>
    queryRows<{ action: string; events: string | number; users: string | number }>(
      tx,
      sql`select action, count(*) as events, count(distinct actor_id) as users
          from audit_logs
          where created_at >= ${startOf(range.from).toISOString()}::timestamptz
            and created_at < ${endOf(range.to).toISOString()}::timestamptz
          group by action
          order by count(*) desc, action`,
    ),
  );
  const counted = rows.map((row) => ({
    action: row.action,
    events: Number(row.events),
    users: Number(row.users),
  }));
  const csv = toCsv(counted, ['action', 'events', 'users']);
  return { ...range, rows: counted, csv };
}
