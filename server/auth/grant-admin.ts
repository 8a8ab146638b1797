import { eq } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { userAccounts } from '@/db/schema/auth';
import type { Database } from '@/db/types';
import { recordAuditEvent } from '@/server/audit/record-event';

import { normalizeEmail } from './email-address';
import { setRole } from './roles';
import { revokeSessionsOf } from './sessions';
import { onUserChanged } from './user-changed';

/**
 * Makes the account with `email` an admin (`npm run admin:grant -- email`). Its
 * sessions end, so the new privilege starts with a fresh sign-in. Returns false when
 * no such account exists.
 */
export async function grantAdminAsService(db: Database, email: string): Promise<boolean> {
  const userId = await withServiceRole(db, async (tx) => {
    const [account] = await tx
      .select({ id: userAccounts.id })
      .from(userAccounts)
      .where(eq(userAccounts.email, normalizeEmail(email)));
    if (!account || !(await setRole(tx, account.id, 'admin'))) return null;
    await revokeSessionsOf(tx, account.id);
    await recordAuditEvent(
      tx,
      {
        actorId: null,
        action: 'admin.role_granted',
        resourceType: 'user',
        resourceId: account.id,
        details: { role: 'admin', by: 'cli' },
      },
      { requestId: 'cli', clientIp: null, userAgent: 'admin:grant' },
    );
    return account.id;
  });
  if (!userId) return false;
  // Their API keys carry the role too: cached copies go now (peers within 5 s).
  await onUserChanged(userId);
  return true;
}
