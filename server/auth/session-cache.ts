import { LRUCache } from 'lru-cache';

import { appCache } from '@/server/platform/infra/cache/app-cache';
import { DEFAULT_L1_TTL_MS } from '@/server/platform/infra/cache/cache';

// As for API keys: in both levels a session lives only as long as the local copies,
// so whatever an invalidation misses (a read racing a revocation, Redis briefly
// down) no instance serves for more than 5 seconds.
export const SESSION_CACHE_TTL_SECONDS = DEFAULT_L1_TTL_MS / 1000;

export const sessionCache = () => appCache('sessions');
export const tokenKey = (tokenHash: string) => `hash:${tokenHash}`;
export const sessionTag = (sessionId: string) => `session:${sessionId}`;
export const userTag = (userId: string) => `user:${userId}`;

// When this process last dropped each session's and user's cached sessions, so a
// read that started before a drop does not put the old row back (bounded: entries
// older than the bound no longer matter).
const forgottenAt = new LRUCache<string, number>({
  max: 10_000,
  ttl: SESSION_CACHE_TTL_SECONDS * 1000,
});

function forget(tag: string) {
  forgottenAt.set(tag, Date.now());
  return sessionCache().invalidateTag(tag);
}

/** Whether the session's or its user's cached copies were dropped at or after `time`. */
export const forgottenSince = (session: { id: string; userId: string }, time: number) =>
  (forgottenAt.get(sessionTag(session.id)) ?? -Infinity) >= time ||
  (forgottenAt.get(userTag(session.userId)) ?? -Infinity) >= time;

/** After the commit that ended these sessions (sessions.ts registers it). */
export const forgetSessions = (sessionIds: string[]) =>
  Promise.all(sessionIds.map((id) => forget(sessionTag(id))));

/** After a commit that changed what a user's sessions claim (role, email). */
export const forgetSessionsOf = (userId: string) => forget(userTag(userId));
