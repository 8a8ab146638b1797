import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { apiKeyCache, userTag } from '@/server/api-keys/verify';
import { recordAuditEvent } from '@/server/audit/record-event';

import { normalizeEmail } from './accounts';
import { forgetProfile } from './profile-cache';

/**
 * Makes the account with `email` an admin (`npm run admin:grant -- email`). Its
 * sessions end, so the new privilege starts with a fresh sign-in. Returns false when
 * no such account exists.
 */
export async function grantAdminAsService(db: Database, email: string): Promise<boolean> {
  const userId = await withServiceRole(db, async (tx) => {
    const [user] = await queryRows<{ id: string }>(
      tx,
      sql`update public.profiles set role = 'admin', updated_at = now()
          where id = (select id from private.user_accounts where email = ${normalizeEmail(email)})
          returning id`,
    );
    if (!user) return null;
    await tx.execute(
      sql`update public.user_sessions set revoked_at = now() where user_id = ${user.id} and revoked_at is null`,
    );
    await recordAuditEvent(
      tx,
      {
        actorId: null,
        action: 'admin.role_granted',
        resourceType: 'user',
        resourceId: user.id,
        details: { role: 'admin', by: 'cli' },
      },
      { requestId: 'cli', clientIp: null, userAgent: 'admin:grant' },
    );
    return user.id;
  });
  if (!userId) return false;
  // Their API keys carry the role too: drop the cached copies now (peers within 5 s).
  await apiKeyCache().invalidateTag(userTag(userId));
  await forgetProfile(userId);
  return true;
}
