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

/** After the commit that ended these sessions (sessions.ts registers it). */
export const forgetSessions = (sessionIds: string[]) =>
  Promise.all(sessionIds.map((id) => sessionCache().invalidateTag(sessionTag(id))));

/** After a commit that changed what a user's sessions claim (role, email). */
export const forgetSessionsOf = (userId: string) => sessionCache().invalidateTag(userTag(userId));
