import { and, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { withServiceRole } from '@/db/rls';
import { profiles, userSessions } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { logger } from '@/server/platform/observability/logger';

import { hashSessionToken, newSessionToken } from './session-token';

/** A session ends 30 days after sign-in, or after 7 days without use. */
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 3600;
export const SESSION_IDLE_SECONDS = 7 * 24 * 3600;
// last_seen_at is written at most once a minute per session, never awaited.
const TOUCH_AFTER_MS = 60_000;

/** A session that still signs someone in: not revoked, past neither expiry. */
export const liveSession = and(
  isNull(userSessions.revokedAt),
  gt(userSessions.expiresAt, sql`now()`),
  gt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
);

export type SessionMeta = { userAgent: string | null; clientIp: string | null };

/** Opens a session for `userId` in the caller's (service) transaction. */
export async function createSession(tx: Tx, userId: string, meta: SessionMeta) {
  const token = newSessionToken();
  const [session] = await tx
    .insert(userSessions)
    .values({
      userId,
      tokenHash: hashSessionToken(token),
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      ip: meta.clientIp,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000),
    })
    .returning({ id: userSessions.id });
  return { token, sessionId: session!.id };
}

/**
 * The live session behind a cookie token, with what the claims need, or null when
 * it is unknown, revoked, past its absolute expiry or idle too long. Looked up by
 * token hash before anyone is known, hence the service path.
 */
export async function findSessionAsService(db: Database, token: string) {
  const [session] = await withServiceRole(db, (tx) =>
    tx
      .select({
        id: userSessions.id,
        userId: userSessions.userId,
        lastSeenAt: userSessions.lastSeenAt,
        email: authUsers.email,
        emailConfirmedAt: authUsers.emailConfirmedAt,
        role: profiles.role,
      })
      .from(userSessions)
      .innerJoin(profiles, eq(profiles.id, userSessions.userId))
      .innerJoin(authUsers, eq(authUsers.id, userSessions.userId))
      .where(and(eq(userSessions.tokenHash, hashSessionToken(token)), liveSession)),
  );
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    withServiceRole(db, (tx) =>
      tx
        .update(userSessions)
        .set({ lastSeenAt: sql`now()` })
        .where(eq(userSessions.id, session.id)),
    ).catch((error: unknown) => logger.warn({ err: error }, 'could not touch session'));
  }
  return session;
}

type RevokeOptions = {
  /** Only sessions that still work: a user ending their own gets "not found" for an expired one. */
  liveOnly?: boolean;
};

/** The one write that ends sessions; returns the ids it ended (never an ended one twice). */
async function endSessionsWhere(tx: Tx, which: SQL | undefined, options: RevokeOptions) {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(which, options.liveOnly ? liveSession : isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return ended.map((row) => row.id);
}

/**
 * Ends one session, in the caller's transaction (under RLS, only the caller's own
 * are visible). With `userId`, a session of anyone else is not touched. Returns
 * whether a session ended. Sessions are not cached, so it applies at once.
 */
export async function revokeSession(
  tx: Tx,
  sessionId: string,
  options: RevokeOptions & { userId?: string } = {},
): Promise<boolean> {
  const which = and(
    eq(userSessions.id, sessionId),
    options.userId ? eq(userSessions.userId, options.userId) : undefined,
  );
  return (await endSessionsWhere(tx, which, options)).length > 0;
}

/**
 * Ends every session of a user but `except` (the one they are using, if any): after a
 * password change or reset, a role grant, "sign out everywhere else". Returns how many.
 */
export async function revokeSessionsOf(
  tx: Tx,
  userId: string,
  options: RevokeOptions & { except?: string | null } = {},
): Promise<number> {
  const which = and(
    eq(userSessions.userId, userId),
    options.except ? ne(userSessions.id, options.except) : undefined,
  );
  return (await endSessionsWhere(tx, which, options)).length;
}
