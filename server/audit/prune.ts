import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';

const UNIT_DAYS = { d: 1, w: 7, y: 365 } as const;

/** The database refuses shorter retention too (private.prune_audit_logs). */
export const MIN_RETENTION_DAYS = 30;

/** `365d`, `52w` or `1y` as whole days; null when it is none of those or under 30 days. */
export function parseRetention(value: string): number | null {
  const match = /^(\d{1,5})([dwy])$/.exec(value.trim());
  if (!match) return null;
  const days = Number(match[1]) * UNIT_DAYS[match[2] as keyof typeof UNIT_DAYS];
  return days >= MIN_RETENTION_DAYS ? days : null;
}

/**
 * Deletes audit events older than `days`, through the one database function allowed
 * to (the log stays append-only for everything else); the prune audits itself.
 */
export async function pruneAuditLogAsService(db: Database, days: number): Promise<number> {
  const [row] = await withServiceRole(db, (tx) =>
    queryRows<{ deleted: string | number }>(
      tx,
      sql`select private.prune_audit_logs(${`${days} days`}::interval, ${`audit-prune-${randomUUID()}`}) as deleted`,
    ),
  );
  return Number(row?.deleted ?? 0);
}
