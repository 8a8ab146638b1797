import { asc, eq, inArray, sql } from 'drizzle-orm';

import { profiles, type Profile } from '@/db/schema/auth';
import type { Tx } from '@/db/types';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { revokeViewsBy } from './sessions';

type Role = Profile['role'];

/**
 * The one write of a user's role, in the caller's (service) transaction. Returns the
 * role the user had, or null when there is no such user; writes only on a change.
 * Sessions read the role on every request; cached copies are the caller's to drop
 * after the commit (`onUserChanged`).
 *
 * With `by` (an admin acting), both rows are locked in id order and the actor's own
 * role re-read under the lock: two admins demoting each other at once run one after
 * the other, and the second is refused, so the last admin cannot be demoted by a
 * concurrent change. That is an invariant of the profiles table, hence here and not
 * in the admin module; who may ask (not through an API key, not oneself) is admin's.
 */
export async function setRole(
  tx: Tx,
  userId: string,
  role: Role,
  options: { by?: string } = {},
): Promise<{ from: Role } | null> {
  const locked = await tx
    .select({ id: profiles.id, role: profiles.role })
    .from(profiles)
    .where(inArray(profiles.id, options.by ? [userId, options.by] : [userId]))
    .orderBy(asc(profiles.id))
    .for('update');
  const before = locked.find((row) => row.id === userId);
  if (!before) return null;
  if (options.by && locked.find((row) => row.id === options.by)?.role !== 'admin') {
    throw new AppError('FORBIDDEN', said('auth.noLongerAdmin'));
  }
  if (before.role !== role) {
    await tx
      .update(profiles)
      .set({ role, updatedAt: sql`now()` })
      .where(eq(profiles.id, userId));
    // A former admin keeps no view as another user (impersonation).
    if (before.role === 'admin') await revokeViewsBy(tx, userId);
  }
  return { from: before.role };
}
