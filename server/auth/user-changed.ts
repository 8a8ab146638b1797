import { forgetUserKeys } from '@/server/api-keys/verify';
import { forgetMemberPlan } from '@/server/billing/entitlements';

import { forgetProfile } from './profile-cache';
import { forgetSessionsOf } from './session-cache';

/**
 * After a commit that changed a user (role, email, profile, keys, plan): drops every
 * cached copy derived from their rows, in this process and the shared level at once;
 * other instances' local copies expire within the caches' 5-second bound.
 *
 * The caches are named one by one rather than found by the platform: a cache this
 * process has not opened yet still has entries in the shared level (Redis), and only
 * opening it by name reaches them. A new cache keyed by user belongs in this list.
 */
export async function onUserChanged(id: string): Promise<void> {
  // As the caches' tags spell it, whatever case the id arrived in (an admin's URL).
  const userId = id.toLowerCase();
  await Promise.all([
    // Verified keys carry the owner's role and email.
    forgetUserKeys(userId),
    forgetProfile(userId),
    forgetMemberPlan(userId),
    // Cached sessions carry the user's role and email into their claims.
    forgetSessionsOf(userId),
  ]);
}
