import { eq, sql } from 'drizzle-orm';

import type { Claims } from '@/db/rls';
import { profiles } from '@/db/schema/auth';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import type { ActingOrganization } from '@/server/identity';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import type { UpdateMeInput } from './schemas';

const columns = {
  id: profiles.id,
  displayName: profiles.displayName,
  avatarUrl: profiles.avatarUrl,
  locale: profiles.locale,
  role: profiles.role,
  createdAt: profiles.createdAt,
  updatedAt: profiles.updatedAt,
};

/** The caller's own profile, read under RLS (the policy shows no other row). */
export async function getOwnProfile(tx: Tx, userId: string) {
  const [profile] = await tx.select(columns).from(profiles).where(eq(profiles.id, userId));
  if (!profile) throw new AppError('NOT_FOUND', said('auth.noProfile'));
  return profile;
}

/** Updates the caller's name, avatar and language under RLS; `role` is not writable here at all. */
export async function updateOwnProfile(
  tx: Tx,
  userId: string,
  input: UpdateMeInput,
  audit: AuditContext,
) {
  const [profile] = await tx
    .update(profiles)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(profiles.id, userId))
    .returning(columns);
  if (!profile) throw new AppError('NOT_FOUND', said('auth.noProfile'));
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'profile.updated',
      resourceType: 'profile',
      resourceId: userId,
      details: { fields: Object.keys(input) },
    },
    audit,
  );
  return profile;
}

/** The `/me` view: the profile plus what the verified claims say. */
export function toMe(
  profile: Awaited<ReturnType<typeof getOwnProfile>>,
  identity: { claims: Claims; permissions: readonly string[]; organization?: ActingOrganization },
) {
  const { organization } = identity;
  return {
    ...profile,
    email: identity.claims.email ?? null,
    emailVerified: identity.claims.email_verified === true,
    permissions: [...identity.permissions],
    organization: organization
      ? { ...organization, permissions: [...organization.permissions] }
      : null,
  };
}
