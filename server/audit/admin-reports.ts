import { desc, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { auditLogs } from '@/db/schema/audit';
import type { Tx } from '@/db/types';

import { aboutUser } from './list-events';
import { endOf, startOf } from './schemas';

/**
 * The latest events about a user, newest first: by them, about them, or about
 * something of theirs (an admin revoking their key). Service path: any user's.
 */
export function recentEventsAbout(tx: Tx, userId: string, limit = 25) {
  return tx
    .select()
    .from(auditLogs)
    .where(aboutUser(userId))
    .orderBy(desc(auditLogs.createdAt))
    .limit(limit);
}

/**
 * For a date range (whole UTC days): how many events of each action happened, and
 * to how many distinct users, most frequent first.
 */
export async function actionCountsBetween(tx: Tx, range: { from: string; to: string }) {
  const rows = await queryRows<{ action: string; events: string | number; users: string | number }>(
    tx,
    sql`select action, count(*) as events, count(distinct actor_id) as users
        from audit_logs
        where created_at >= ${startOf(range.from).toISOString()}::timestamptz
          and created_at < ${endOf(range.to).toISOString()}::timestamptz
        group by action
        order by count(*) desc, action`,
  );
  return rows.map((row) => ({
    action: row.action,
    events: Number(row.events),
    users: Number(row.users),
  }));
}
