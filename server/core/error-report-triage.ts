import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';

import { errorReports } from '@/db/schema/core';
import type { Tx } from '@/db/types';

const STATE = {
  open: isNull(errorReports.resolvedAt),
  resolved: isNotNull(errorReports.resolvedAt),
  all: undefined,
};

export type ErrorReportState = keyof typeof STATE;

/** Aggregated error reports, most recently seen first (service path). */
export function listErrorReports(tx: Tx, input: { state: ErrorReportState; limit: number }) {
  return tx
    .select()
    .from(errorReports)
    .where(STATE[input.state])
    .orderBy(desc(errorReports.lastSeenAt))
    .limit(input.limit);
}

/** One report, or null. */
export async function errorReportById(tx: Tx, id: string) {
  const [report] = await tx.select().from(errorReports).where(eq(errorReports.id, id));
  return report ?? null;
}

/**
 * Marks a report resolved; it reopens by itself if the error happens again. Returns
 * the report and whether this call resolved it (false: it already was), or null
 * when there is no such report.
 */
export async function resolveErrorReport(tx: Tx, id: string) {
  const [resolved] = await tx
    .update(errorReports)
    .set({ resolvedAt: sql`now()` })
    .where(and(eq(errorReports.id, id), isNull(errorReports.resolvedAt)))
    .returning();
  if (resolved) return { report: resolved, resolvedNow: true };
  const report = await errorReportById(tx, id);
  return report ? { report, resolvedNow: false } : null;
}
