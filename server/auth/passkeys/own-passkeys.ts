import { desc, eq } from 'drizzle-orm';

import { passkeys } from '@/db/schema/auth';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { said } from '@/server/i18n/error-words';
import { AppError } from '@/server/platform/http/errors';

// Under RLS: the policies show, rename and remove only the caller's own.

export function listOwnPasskeys(tx: Tx) {
  return tx
    .select({
      id: passkeys.id,
      name: passkeys.name,
      multiDevice: passkeys.multiDevice,
      backedUp: passkeys.backedUp,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .orderBy(desc(passkeys.createdAt), desc(passkeys.id));
}

export async function renameOwnPasskey(
  tx: Tx,
  userId: string,
  input: { id: string; name: string },
  audit: AuditContext,
) {
  const [row] = await tx
    .update(passkeys)
    .set({ name: input.name })
    .where(eq(passkeys.id, input.id))
    .returning({ id: passkeys.id });
  if (!row) throw new AppError('NOT_FOUND', said('passkeys.notFound'));
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.passkey_renamed',
      resourceType: 'passkey',
      resourceId: row.id,
      details: { name: input.name },
    },
    audit,
  );
}

/** Removing one leaves the account's other ways in (password, mailed link or code). */
export async function removeOwnPasskey(tx: Tx, userId: string, id: string, audit: AuditContext) {
  const [row] = await tx
    .delete(passkeys)
    .where(eq(passkeys.id, id))
    .returning({ id: passkeys.id, name: passkeys.name });
  if (!row) throw new AppError('NOT_FOUND', said('passkeys.notFound'));
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.passkey_removed',
      resourceType: 'passkey',
      resourceId: row.id,
      details: { name: row.name },
    },
    audit,
  );
}
