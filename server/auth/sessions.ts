import { and, eq, gt, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { LRUCache } from 'lru-cache';

import { afterCommit, withServiceRole } from '@/db/rls';
import { profiles, twoFactorFactors, userSessions, type SessionMethod } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { logger } from '@/server/platform/observability/logger';

import {
  forgetSessions,
  forgottenSince,
  SESSION_CACHE_TTL_SECONDS,
  sessionCache,
  sessionTag,
  tokenKey,
  userTag,
} from './session-cache';
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

/** Opens a session for `userId` in the caller's (service) transaction, saying how it was proven. */
export async function createSession(
  tx: Tx,
  userId: string,
  meta: SessionMeta,
  method: SessionMethod = 'password',
  /** An admin's view as this user: the admin, and how long it may last. */
  impersonation?: { impersonatorId: string; seconds: number },
) {
  const token = newSessionToken();
  const lifetime = impersonation?.seconds ?? SESSION_ABSOLUTE_SECONDS;
  const [session] = await tx
    .insert(userSessions)
    .values({
      userId,
      tokenHash: hashSessionToken(token),
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      ip: meta.clientIp,
      method,
      impersonatorId: impersonation?.impersonatorId ?? null,
      // A passkey (user verification required) is possession plus a PIN or biometric:
      // it is the second factor itself, so such a session does not ask for a code.
      secondFactorAt: method === 'passkey' ? sql`now()` : null,
      expiresAt: new Date(Date.now() + lifetime * 1000),
    })
    .returning({ id: userSessions.id });
  return { token, sessionId: session!.id };
}

/** What a live session signs its holder in as; cached by token hash. */
export type LiveSession = {
  id: string;
  userId: string;
  email: string | null;
  emailConfirmedAt: Date | null;
  role: 'user' | 'admin';
  lastSeenAt: Date;
  expiresAt: Date;
  /** Whether the account has two-factor authentication on. */
  twoFactorEnabled: boolean;
  /** When it was (last) turned on: a factor proven before that was another one. */
  twoFactorEnabledAt: Date | null;
  /** When this session last proved the second factor, if ever. */
  secondFactorAt: Date | null;
  /** Set when an admin is viewing the product as this user (their id). */
  impersonatorId: string | null;
  /** When its read from the database began: a copy older than the cache's bound is not used. */
  verifiedAt: number;
};

/** Looked up by token hash before anyone is known, hence the service path. */
async function loadLiveSessionAsService(db: Database, tokenHash: string) {
  // Counted from before the read: a revocation that commits during it is newer.
  const verifiedAt = Date.now();
  const [session] = await withServiceRole(db, (tx) =>
    tx
      .select({
        id: userSessions.id,
        userId: userSessions.userId,
        email: authUsers.email,
        emailConfirmedAt: authUsers.emailConfirmedAt,
        role: profiles.role,
        lastSeenAt: userSessions.lastSeenAt,
        expiresAt: userSessions.expiresAt,
        twoFactorEnabled: sql<boolean>`${twoFactorFactors.userId} is not null`,
        twoFactorEnabledAt: twoFactorFactors.enabledAt,
        secondFactorAt: userSessions.secondFactorAt,
        impersonatorId: userSessions.impersonatorId,
      })
      .from(userSessions)
      .innerJoin(profiles, eq(profiles.id, userSessions.userId))
      .innerJoin(authUsers, eq(authUsers.id, userSessions.userId))
      .leftJoin(
        twoFactorFactors,
        and(
          eq(twoFactorFactors.userId, userSessions.userId),
          isNotNull(twoFactorFactors.enabledAt),
        ),
      )
      .where(and(eq(userSessions.tokenHash, tokenHash), liveSession)),
  );
  return session ? { ...session, verifiedAt } : null;
}

// Per process, bounded: when each session's last use was last written.
const touchedAt = new LRUCache<string, number>({ max: 10_000 });

/** last_seen_at, at most once a minute per session, never awaited by the request. */
function touch(db: Database, session: LiveSession) {
  const now = Date.now();
  const lastWritten = Math.max(session.lastSeenAt.getTime(), touchedAt.get(session.id) ?? 0);
  if (now - lastWritten < TOUCH_AFTER_MS) return;
  touchedAt.set(session.id, now);
  withServiceRole(db, (tx) =>
    tx
      .update(userSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(userSessions.id, session.id)),
  ).catch((error: unknown) => logger.warn({ err: error }, 'could not touch session'));
}

/** The live checks of `liveSession`, on a cached copy (which may be up to 5 s old). */
function stillLive(session: LiveSession, now = Date.now()) {
  const lastSeen = Math.max(session.lastSeenAt.getTime(), touchedAt.get(session.id) ?? 0);
  return session.expiresAt.getTime() > now && now - lastSeen < SESSION_IDLE_SECONDS * 1000;
}

/**
 * The live session behind a cookie token, or null when it is unknown, revoked, past
 * its absolute expiry or idle too long. A warm session costs no query: it comes from
 * the two-level cache, which every revocation clears after its commit (at once here
 * and in the shared level; other instances' local copies within 5 s).
 */
export async function findSessionAsService(
  db: Database,
  token: string,
): Promise<LiveSession | null> {
  const tokenHash = hashSessionToken(token);
  const cache = sessionCache();
  // A copy, wherever it was cached, counts only within the bound since it was read.
  const fromCache = await cache.get<LiveSession>(tokenKey(tokenHash));
  const cached =
    fromCache && Date.now() - fromCache.verifiedAt < SESSION_CACHE_TTL_SECONDS * 1000
      ? fromCache
      : undefined;
  // Unknown tokens are not cached: random cookies would only fill the cache.
  const session = cached ?? (await loadLiveSessionAsService(db, tokenHash));
  if (!session || !stillLive(session)) return null;
  // Read before a revocation here committed, it must not go back into the cache.
  if (!cached && !forgottenSince(session, session.verifiedAt)) {
    await cache.set(tokenKey(tokenHash), session, {
      ttlSeconds: SESSION_CACHE_TTL_SECONDS,
      tags: [sessionTag(session.id), userTag(session.userId)],
    });
  }
  touch(db, session);
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
  const ids = ended.map((row) => row.id);
  if (ids.length > 0) afterCommit(tx, () => forgetSessions(ids));
  return ids;
}

/**
 * Ends one session, in the caller's transaction (under RLS, only the caller's own
 * are visible). With `userId`, a session of anyone else is not touched. Returns
 * whether a session ended. Cached copies go once it commits, so it applies at once.
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

/** Ends the views an admin has open as other users (when they stop being an admin). */
export async function revokeViewsBy(tx: Tx, impersonatorId: string): Promise<number> {
  const which = eq(userSessions.impersonatorId, impersonatorId);
  return (await endSessionsWhere(tx, which, {})).length;
}

/**
 * The end of every successful sign-in, in its (service) transaction: the session this
 * browser had ends (no session fixation), the account's last sign-in is noted, and
 * the new session opens, saying how it was proven.
 */
export async function startSignInSession(
  tx: Tx,
  userId: string,
  meta: SessionMeta & { replacesSessionId?: string },
  method: SessionMethod,
) {
  if (meta.replacesSessionId) await revokeSession(tx, meta.replacesSessionId);
  await tx.execute(sql`update auth.users set last_sign_in_at = now() where id = ${userId}`);
  return createSession(tx, userId, meta, method);
}
