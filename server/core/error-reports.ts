import { createHash } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { pgErrorCode } from '@/db/pg-error';
import { withServiceRole } from '@/db/rls';
import { errorReports } from '@/db/schema/core';
import type { Database } from '@/db/types';

import type { ErrorReportInput } from './schemas';

type Source = 'client' | 'server';

/**
 * Volatile parts (ids, numbers, hex) are masked so that "user 41 not found" and
 * "user 42 not found" aggregate into one report.
 */
export function normalizeMessage(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
    .replace(/\d+/g, '<n>')
    .slice(0, 500);
}

export function fingerprintOf(source: Source, category: string, message: string): string {
  return createHash('sha256')
    .update(`${source}\n${category}\n${normalizeMessage(message)}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Stores a report, or bumps the count of the one with the same fingerprint. Reports
 * arrive from anonymous clients and from failing requests alike, so this uses the
 * service role: no user owns these rows.
 */
export async function recordErrorReportAsService(
  db: Database,
  report: ErrorReportInput,
  source: Source,
): Promise<{ fingerprint: string; count: number }> {
  const fingerprint = fingerprintOf(source, report.category, report.message);
  const [row] = await withServiceRole(db, (tx) =>
    tx
      .insert(errorReports)
      .values({ fingerprint, source, ...report })
      .onConflictDoUpdate({
        target: errorReports.fingerprint,
        set: {
          count: sql`${errorReports.count} + 1`,
          lastSeenAt: sql`now()`,
          severity: sql`excluded.severity`,
          message: sql`excluded.message`,
          metadata: sql`excluded.metadata`,
          resolvedAt: null,
        },
      })
      .returning({ fingerprint: errorReports.fingerprint, count: errorReports.count }),
  );
  return row!;
}

/**
 * The innermost error of a cause chain: for a failed query that is the driver's
 * error, whose message carries no bound parameters (drizzle's wrapper prints them),
 * so nothing a user sent ends up in the report and repeats share a fingerprint.
 */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current;
}

/** A server fault, recorded like a client report. */
export function recordServerErrorAsService(
  db: Database,
  error: unknown,
  context: { route: string; requestId: string },
) {
  const root = rootCause(error);
  const name = root instanceof Error ? root.name : 'Error';
  const message = root instanceof Error ? root.message : String(root);
  const code = pgErrorCode(error);
  return recordErrorReportAsService(
    db,
    {
      message: `${name}: ${message}`.slice(0, 2_000),
      severity: 'high',
      category: 'server',
      metadata: { ...context, ...(code ? { sqlstate: code } : {}) },
    },
    'server',
  );
}
