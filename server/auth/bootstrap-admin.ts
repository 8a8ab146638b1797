import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { env } from '@/server/platform/env';

/**
 * Makes the account an admin when its just-confirmed address is in ADMIN_EMAILS.
 * Only a confirmation counts: signing up with the address proves nothing, opening
 * the link mailed to it does.
 */
export async function grantBootstrapAdmin(
  tx: Tx,
  user: { id: string; email: string },
  audit: AuditContext,
) {
  if (!env.ADMIN_EMAILS.includes(user.email.toLowerCase())) return;
  const granted = await queryRows(
    tx,
    sql`update public.profiles set role = 'admin', updated_at = now()
        where id = ${user.id} and role <> 'admin' returning id`,
  );
  if (granted.length === 0) return;
  await recordAuditEvent(
    tx,
    {
      actorId: null,
      action: 'admin.role_granted',
      resourceType: 'user',
      resourceId: user.id,
      details: { role: 'admin', by: 'ADMIN_EMAILS' },
    },
    audit,
  );
}
