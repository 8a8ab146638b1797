import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { apiKeys, profiles, userSessions } from '@/db/schema';
import type { Database } from '@/db/types';
import { apiKeyCache, keyTag, userTag } from '@/server/api-keys/verify';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { forgetProfile } from '@/server/auth/profile-cache';
import { AppError } from '@/server/platform/errors';

/** Who acts, and the request it came in, for the audit row. */
export type AdminCall = { adminId: string; db: Database; audit: AuditContext };

/** Ends one of a user's sessions at once (sessions are not cached). */
export async function revokeSessionAsAdmin(call: AdminCall, userId: string, sessionId: string) {
  await withServiceRole(call.db, async (tx) => {
    const [revoked] = await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(userSessions.id, sessionId),
          eq(userSessions.userId, userId),
          isNull(userSessions.revokedAt),
        ),
      )
      .returning({ id: userSessions.id });
    if (!revoked) throw new AppError('NOT_FOUND', 'No such live session for this user.');
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.session_revoked',
        resourceType: 'session',
        resourceId: sessionId,
        details: { userId },
      },
      call.audit,
    );
  });
}

/** Revokes a user's API key: refused here at once, everywhere within 5 s. */
export async function revokeApiKeyAsAdmin(call: AdminCall, userId: string, apiKeyId: string) {
  await withServiceRole(call.db, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, displayPrefix: apiKeys.displayPrefix });
    if (!revoked) throw new AppError('NOT_FOUND', 'No such active API key for this user.');
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.api_key_revoked',
        resourceType: 'api_key',
        resourceId: apiKeyId,
        details: { userId, displayPrefix: revoked.displayPrefix },
      },
      call.audit,
    );
  });
  await apiKeyCache().invalidateTag(keyTag(apiKeyId));
}

/**
 * Makes a user an admin or a user. Sessions read the role on every request, so it
 * applies at once; their API keys' cached copies are dropped. Refused: through an
 * API key (a leaked key must not mint admins), on oneself, and demoting the last
 * admin. Both rows are locked in id order and the actor's own role re-read, so two
 * admins demoting each other at once cannot leave none.
 */
export async function setRoleAsAdmin(
  call: AdminCall & { viaApiKey: boolean },
  userId: string,
  role: 'user' | 'admin',
) {
  if (call.viaApiKey) {
    throw new AppError('FORBIDDEN', 'Roles are changed from a signed-in session, not an API key.');
  }
  if (userId === call.adminId) {
    throw new AppError('CONFLICT', 'You cannot change your own role.');
  }
  await withServiceRole(call.db, async (tx) => {
    const locked = await tx
      .select({ id: profiles.id, role: profiles.role })
      .from(profiles)
      .where(inArray(profiles.id, [userId, call.adminId]))
      .orderBy(asc(profiles.id))
      .for('update');
    const before = locked.find((row) => row.id === userId);
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    if (locked.find((row) => row.id === call.adminId)?.role !== 'admin') {
      throw new AppError('FORBIDDEN', 'You are no longer an admin.');
    }
    if (before.role === role) return;
    await tx
      .update(profiles)
      .set({ role, updatedAt: sql`now()` })
      .where(eq(profiles.id, userId));
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.role_changed',
        resourceType: 'user',
        resourceId: userId,
        details: { from: before.role, to: role },
      },
      call.audit,
    );
  });
  await apiKeyCache().invalidateTag(userTag(userId));
  await forgetProfile(userId);
}
