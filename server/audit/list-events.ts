import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';

import { auditLogs } from '@/db/schema';
import type { Tx } from '@/db/types';
import { cursorTextOf, decodeCursor, encodeCursor, olderThan } from '@/server/platform/cursor';

import { endOf, startOf } from './schemas';

export type AuditFilter = { action?: string; from?: string; to?: string };

/** The most rows one CSV export holds. */
export const EXPORT_LIMIT = 10_000;

function conditions(actorId: string, filter: AuditFilter): SQL[] {
  return [
    eq(auditLogs.actorId, actorId),
    ...(filter.action ? [eq(auditLogs.action, filter.action)] : []),
    ...(filter.from ? [gte(auditLogs.createdAt, startOf(filter.from))] : []),
    ...(filter.to ? [lt(auditLogs.createdAt, endOf(filter.to))] : []),
  ];
}

/**
 * The caller's own events, newest first, a page at a time. RLS already limits a user
 * to their own rows; the actor condition also keeps the index in use.
 */
export async function listOwnAuditEvents(
  tx: Tx,
  actorId: string,
  input: AuditFilter & { limit: number; cursor?: string },
) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await tx
    .select({ event: auditLogs, cursorAt: cursorTextOf(auditLogs.createdAt) })
    .from(auditLogs)
    .where(
      and(
        ...conditions(actorId, input),
        ...(after ? [olderThan(auditLogs.createdAt, auditLogs.id, after)] : []),
      ),
    )
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ event }) => ({ ...event, actorId: undefined })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(last.cursorAt, last.event.id) : null,
  };
}

const COLUMNS = [
  'createdAt',
  'action',
  'success',
  'resourceType',
  'resourceId',
  'ip',
  'userAgent',
  'requestId',
  'details',
] as const;

// A cell that starts like a formula runs as one in a spreadsheet; some cells hold
// text a stranger chose (the user agent of a refused request), so they are quoted.
const neutralizeFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The caller's matching events as CSV (newest first, at most EXPORT_LIMIT rows). */
export async function exportOwnAuditEvents(tx: Tx, actorId: string, filter: AuditFilter) {
  const rows = await tx
    .select()
    .from(auditLogs)
    .where(and(...conditions(actorId, filter)))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(EXPORT_LIMIT + 1);
  const kept = rows.slice(0, EXPORT_LIMIT);
  const csv = stringify(
    kept.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      details: row.details ? JSON.stringify(row.details) : '',
    })),
    { header: true, columns: [...COLUMNS], cast: { string: neutralizeFormula } },
  );
  const day = new Date().toISOString().slice(0, 10);
  return {
    filename: `audit-log-${day}.csv`,
    csv,
    rows: kept.length,
    truncated: rows.length > EXPORT_LIMIT,
  };
}
