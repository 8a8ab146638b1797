import type { Tx } from '@/db/types';
import { DEFAULT_L1_TTL_MS } from '@/server/platform/infra/cache/cache';
import { appCache } from '@/server/platform/infra/cache/app-cache';

import { getOwnProfile } from './profile';

// As for API keys: in both levels a profile lives only as long as the local copies,
// so whatever an invalidation misses is corrected everywhere within 5 seconds.
const PROFILE_TTL_SECONDS = DEFAULT_L1_TTL_MS / 1000;

const profileCache = () => appCache('profiles');
const userTag = (userId: string) => `user:${userId}`;

/**
 * The caller's profile (read under RLS, as the caller), cached for the hot `GET /me`
 * of API clients. Every change to a user drops it (`onUserChanged`).
 */
export function cachedOwnProfile(
  rls: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  userId: string,
) {
  return profileCache().getOrLoad(
    `profile:${userId}`,
    () => rls((tx) => getOwnProfile(tx, userId)),
    { ttlSeconds: PROFILE_TTL_SECONDS, tags: [userTag(userId)] },
  );
}

/** After a commit that changed the profile; called through `onUserChanged` only. */
export const forgetProfile = (userId: string) => profileCache().invalidateTag(userTag(userId));
