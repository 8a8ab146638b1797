import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';

import { userSessions } from '@/db/schema';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/errors';

import { SESSION_IDLE_SECONDS } from './sessions';

const live = and(
  isNull(userSessions.revokedAt),
  gt(userSessions.expiresAt, sql`now()`),
  gt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
);

/** The caller's live sessions, newest first, under RLS (no one else's are visible). */
export async function listOwnSessions(tx: Tx, currentSessionId: string | undefined) {
  const rows = await tx
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      ip: userSessions.ip,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(live)
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/** Revokes one of the caller's sessions; another user's is simply not found (RLS). */
export async function revokeOwnSession(
  tx: Tx,
  userId: string,
  sessionId: string,
  audit: AuditContext,
) {
  const revoked = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), live))
    .returning({ id: userSessions.id });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', 'No such session.');
  await recordAuditEvent(
    tx,
    { actorId: userId, action: 'session.revoked', resourceType: 'session', resourceId: sessionId },
    audit,
  );
}

/** "Sign out everywhere else": every live session of the caller but this one. */
export async function revokeOtherSessions(
  tx: Tx,
  userId: string,
  currentSessionId: string | undefined,
  audit: AuditContext,
) {
  const revoked = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(live, currentSessionId ? ne(userSessions.id, currentSessionId) : undefined))
    .returning({ id: userSessions.id });
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'session.revoked_others',
      resourceType: 'session',
      details: { count: revoked.length },
    },
    audit,
  );
  return revoked.length;
}
