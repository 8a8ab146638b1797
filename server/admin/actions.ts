import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { forgetApiKey, revokeApiKey } from '@/server/api-keys/service';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { setRole } from '@/server/auth/roles';
import { revokeSession } from '@/server/auth/sessions';
import { onUserChanged } from '@/server/auth/user-changed';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

// Admin policy and audit rows only: every write is the owning module's function.

/** Who acts, and the request it came in, for the audit row. */
export type AdminCall = { adminId: string; db: Database; audit: AuditContext };

/** Ends one of a user's sessions at once (its cached copies go after the commit). */
export async function revokeSessionAsAdmin(call: AdminCall, userId: string, sessionId: string) {
  await withServiceRole(call.db, async (tx) => {
    if (!(await revokeSession(tx, sessionId, { userId }))) {
      throw new AppError('NOT_FOUND', said('admin.noSuchLiveSession'));
    }
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
    const revoked = await revokeApiKey(tx, apiKeyId, { userId });
    if (!revoked) throw new AppError('NOT_FOUND', said('admin.noSuchActiveKey'));
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.api_key_revoked',
        resourceType: 'api_key',
        resourceId: apiKeyId,
        organizationId: revoked.organizationId,
        details: { userId, displayPrefix: revoked.displayPrefix },
      },
      call.audit,
    );
  });
  await forgetApiKey(apiKeyId);
}

/**
 * Makes a user an admin or a user; it applies at once (the cached sessions, keys and
 * profiles that carry the role are dropped after the commit). Refused here: through an API key (a
 * leaked key must not mint admins) and on oneself. That the actor is still an admin
 * when the row is written, under a lock, is the auth module's `setRole`.
 */
export async function setRoleAsAdmin(
  call: AdminCall & { viaApiKey: boolean },
  userId: string,
  role: 'user' | 'admin',
) {
  if (call.viaApiKey) {
    throw new AppError('FORBIDDEN', said('admin.rolesFromSession'));
  }
  if (userId === call.adminId) {
    throw new AppError('CONFLICT', said('admin.ownRole'));
  }
  await withServiceRole(call.db, async (tx) => {
    const before = await setRole(tx, userId, role, { by: call.adminId });
    if (!before) throw new AppError('NOT_FOUND', said('admin.noSuchUser'));
    if (before.from === role) return;
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.role_changed',
        resourceType: 'user',
        resourceId: userId,
        details: { from: before.from, to: role },
      },
      call.audit,
    );
  });
  await onUserChanged(userId);
}
