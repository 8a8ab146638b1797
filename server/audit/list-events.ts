import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';

import { auditLogs, type AuditLog } from '@/db/schema/audit';
import type { Tx } from '@/db/types';
import { toCsv } from '@/server/platform/http/csv';
import { cursorTextOf, decodeCursor, encodeCursor, olderThan } from '@/server/platform/http/cursor';

import { endOf, startOf } from './schemas';

export type AuditFilter = { action?: string; from?: string; to?: string };

/** The most rows one CSV export holds. */
export const EXPORT_LIMIT = 10_000;

/** What the user did, and what was done to their account or their things. */
export const aboutUser = (userId: string) =>
  or(
    eq(auditLogs.actorId, userId),
    eq(auditLogs.resourceId, userId),
    sql`${auditLogs.details} ->> 'userId' = ${userId}`,
  )!;

/** What happened in one organization (its owners' and admins' log). */
export const inOrganization = (organizationId: string) =>
  eq(auditLogs.organizationId, organizationId);

function conditions(whose: SQL, filter: AuditFilter): SQL[] {
  return [
    whose,
    ...(filter.action ? [eq(auditLogs.action, filter.action)] : []),
    ...(filter.from ? [gte(auditLogs.createdAt, startOf(filter.from))] : []),
    ...(filter.to ? [lt(auditLogs.createdAt, endOf(filter.to))] : []),
  ];
}

/**
 * An event as its subject sees it: who acted is told (you, someone else, the
 * system), but not another person's address or browser.
 */
function asSeenBy(userId: string, event: AuditLog) {
  const byYou = event.actorId === userId;
  return {
    ...event,
    actorId: undefined,
    actedBy: byYou
      ? ('you' as const)
      : event.actorId
        ? ('someone else' as const)
        : ('system' as const),
    ip: byYou ? event.ip : null,
    userAgent: byYou ? event.userAgent : null,
  };
}

/**
 * The caller's own events, newest first, a page at a time. RLS already limits a user
 * to their own rows; the actor condition also keeps the index in use.
 */
export function listOwnAuditEvents(
  tx: Tx,
  userId: string,
  input: AuditFilter & { limit: number; cursor?: string },
) {
  return listEvents(tx, aboutUser(userId), input, (event) => asSeenBy(userId, event));
}

/**
 * The acting organization's events, newest first, a page at a time (RLS: its owners
 * and admins). Members' addresses and browsers stay theirs; who acted is named by id.
 */
export function listOrganizationAuditEvents(
  tx: Tx,
  viewerId: string,
  organizationId: string,
  input: AuditFilter & { limit: number; cursor?: string },
) {
  return listEvents(tx, inOrganization(organizationId), input, (event) => ({
    ...asSeenBy(viewerId, event),
    actorId: event.actorId,
  }));
}

async function listEvents<T>(
  tx: Tx,
  whose: SQL,
  input: AuditFilter & { limit: number; cursor?: string },
  view: (event: AuditLog) => T,
) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await tx
    .select({ event: auditLogs, cursorAt: cursorTextOf(auditLogs.createdAt) })
    .from(auditLogs)
    .where(
      and(
        ...conditions(whose, input),
        ...(after ? [olderThan(auditLogs.createdAt, auditLogs.id, after)] : []),
      ),
    )
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ event }) => view(event)),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(last.cursorAt, last.event.id) : null,
  };
}

const COLUMNS = [
  'createdAt',
  'action',
  'actedBy',
  'success',
  'resourceType',
  'resourceId',
  'ip',
  'userAgent',
  'requestId',
  'details',
] as const;

/** The caller's matching events as CSV (newest first, at most EXPORT_LIMIT rows). */
export function exportOwnAuditEvents(tx: Tx, userId: string, filter: AuditFilter) {
  return exportEvents(tx, aboutUser(userId), filter, {
    name: 'audit-log',
    columns: COLUMNS,
    view: (event) => asSeenBy(userId, event),
  });
}

/** The acting organization's matching events as CSV (owners and admins, by RLS). */
export function exportOrganizationAuditEvents(
  tx: Tx,
  viewerId: string,
  organizationId: string,
  filter: AuditFilter,
) {
  return exportEvents(tx, inOrganization(organizationId), filter, {
    name: 'organization-audit-log',
    columns: ['actorId', ...COLUMNS],
    view: (event) => ({ ...asSeenBy(viewerId, event), actorId: event.actorId }),
  });
}

async function exportEvents(
  tx: Tx,
  whose: SQL,
  filter: AuditFilter,
  file: {
    name: string;
    columns: readonly string[];
    view: (event: AuditLog) => Record<string, unknown>;
  },
) {
  const rows = await tx
    .select()
    .from(auditLogs)
    .where(and(...conditions(whose, filter)))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(EXPORT_LIMIT + 1);
  const kept = rows.slice(0, EXPORT_LIMIT);
  const csv = toCsv(
    kept.map((row) => ({
      ...file.view(row),
      createdAt: row.createdAt.toISOString(),
      details: row.details ? JSON.stringify(row.details) : '',
    })),
    [...file.columns],
  );
  const day = new Date().toISOString().slice(0, 10);
  return {
    filename: `${file.name}-${day}.csv`,
    csv,
    rows: kept.length,
    truncated: rows.length > EXPORT_LIMIT,
  };
}
