import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { env } from '@/env';

import { setRole } from './roles';

/**
 * Makes the account an admin when its just-confirmed address is in ADMIN_EMAILS.
 * Only a confirmation counts: signing up with the address proves nothing, opening
 * the link mailed to it does. The caller drops cached copies after the commit.
 */
export async function grantBootstrapAdmin(
  tx: Tx,
  user: { id: string; email: string },
  audit: AuditContext,
) {
  if (!env.ADMIN_EMAILS.includes(user.email.toLowerCase())) return;
  const before = await setRole(tx, user.id, 'admin');
  if (!before || before.from === 'admin') return;
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
