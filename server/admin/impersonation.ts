import { withServiceRole } from '@/db/rls';
import { recordAuditEvent } from '@/server/audit/record-event';
import { accountSummary } from '@/server/auth/account-search';
import { createSession, findSessionAsService, revokeSession } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';
import { AppError } from '@/server/platform/http/errors';

import type { AdminCall } from './actions';

/** How long an admin may view the product as a user before signing back in as themselves. */
export const IMPERSONATION_SECONDS = 30 * 60;

/**
 * Opens a session as `userId` for the admin, for 30 minutes: the product as the user
 * sees it. Never as another admin (that would borrow their powers) or as oneself.
 */
export async function startImpersonationAsAdmin(call: AdminCall, userId: string) {
  if (userId === call.adminId) throw new AppError('BAD_REQUEST', said('admin.notYourself'));
  return withServiceRole(call.db, async (tx) => {
    const user = await accountSummary(tx, userId);
    if (!user?.emailConfirmed) throw new AppError('NOT_FOUND', said('admin.noSuchUser'));
    if (user.role === 'admin') throw new AppError('FORBIDDEN', said('admin.notAnotherAdmin'));
    const session = await createSession(tx, userId, call.audit, 'impersonation', {
      impersonatorId: call.adminId,
      seconds: IMPERSONATION_SECONDS,
    });
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.impersonation_started',
        resourceType: 'user',
        resourceId: userId,
        details: { sessionId: session.sessionId, email: user.email },
      },
      call.audit,
    );
    return session;
  });
}

/**
 * Ends the view: its session is revoked, and the admin's own session (from the
 * cookie kept aside) is given back if it still works and is that admin's.
 */
export async function stopImpersonationAsService(
  call: AdminCall & { userId: string; sessionId: string },
  adminToken: string | null,
) {
  await withServiceRole(call.db, async (tx) => {
    await revokeSession(tx, call.sessionId);
    await recordAuditEvent(
      tx,
      {
        actorId: call.adminId,
        action: 'admin.impersonation_stopped',
        resourceType: 'user',
        resourceId: call.userId,
        details: { sessionId: call.sessionId },
      },
      call.audit,
    );
  });
  const own = adminToken ? await findSessionAsService(call.db, adminToken) : null;
  return own?.userId === call.adminId && own.role === 'admin' ? adminToken : null;
}
