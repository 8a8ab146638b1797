import { desc, eq } from 'drizzle-orm';

import { userSessions } from '@/db/schema/auth';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { liveSession, revokeSession, revokeSessionsOf } from './sessions';

// What a session list shows: never the token hash.
const shownColumns = {
  id: userSessions.id,
  userAgent: userSessions.userAgent,
  ip: userSessions.ip,
  method: userSessions.method,
  secondFactorAt: userSessions.secondFactorAt,
  createdAt: userSessions.createdAt,
  lastSeenAt: userSessions.lastSeenAt,
};

/** The caller's live sessions, newest first, under RLS (no one else's are visible). */
export async function listOwnSessions(tx: Tx, currentSessionId: string | undefined) {
  const rows = await tx
    .select(shownColumns)
    .from(userSessions)
    .where(liveSession)
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/**
 * A user's 50 most recently used sessions, ended ones included, each saying whether
 * it still works (the service path: an admin looking at an account).
 */
export async function listSessionsOf(tx: Tx, userId: string) {
  const rows = await tx
    .select({
      ...shownColumns,
      revokedAt: userSessions.revokedAt,
      expiresAt: userSessions.expiresAt,
    })
    .from(userSessions)
    .where(eq(userSessions.userId, userId))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
  const now = Date.now();
  return rows.map(({ revokedAt, expiresAt, ...session }) => ({
    ...session,
    active: revokedAt === null && expiresAt.getTime() > now,
  }));
}

/** Revokes one of the caller's sessions; another user's is simply not found (RLS). */
export async function revokeOwnSession(
  tx: Tx,
  userId: string,
  sessionId: string,
  audit: AuditContext,
) {
  const revoked = await revokeSession(tx, sessionId, { userId, liveOnly: true });
  if (!revoked) throw new AppError('NOT_FOUND', said('auth.noSuchSession'));
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
  const revoked = await revokeSessionsOf(tx, userId, {
    except: currentSessionId ?? null,
    liveOnly: true,
  });
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'session.revoked_others',
      resourceType: 'session',
      details: { count: revoked },
    },
    audit,
  );
  return revoked;
}
