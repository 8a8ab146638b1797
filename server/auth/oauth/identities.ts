import { and, asc, count, eq, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { userIdentities } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

/** The caller's linked identities (RLS shows only their own), oldest first. */
export const listOwnIdentities = (tx: Tx) =>
  tx
    .select({
      id: userIdentities.id,
      provider: userIdentities.provider,
      email: userIdentities.email,
      createdAt: userIdentities.createdAt,
    })
    .from(userIdentities)
    .orderBy(asc(userIdentities.createdAt));

/**
 * Whether the account has a password to sign in with ('' marks an account without
 * one: created by OAuth, or whose password a sign-in by mail cleared). Read on the
 * service path: on Supabase the signed-in role cannot read auth.users.
 */
export async function hasPasswordAsService(db: Database, userId: string): Promise<boolean> {
  const [row] = await withServiceRole(db, (tx) =>
    queryRows<{ encrypted_password: string | null }>(
      tx,
      sql`select encrypted_password from auth.users where id = ${userId}`,
    ),
  );
  return Boolean(row?.encrypted_password);
}

/**
 * Unlinks one identity of the caller's, in their RLS transaction. The last identity
 * of an account without a password stays: removing it would leave sign-in by mail as
 * the only way in, and we keep a way the user chose (they may set a password first,
 * with "forgot password"). Concurrent unlinks of one account queue on a lock, so two
 * of them cannot each leave the other's identity as the "remaining" one.
 */
export async function unlinkOwnIdentity(
  tx: Tx,
  userId: string,
  identityId: string,
  hasPassword: boolean,
  audit: AuditContext,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`user_identities:${userId}`}))`);
  const [removed] = await tx
    .delete(userIdentities)
    .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)))
    .returning({ provider: userIdentities.provider });
  if (!removed) throw new AppError('NOT_FOUND', said('auth.noSuchIdentity'));
  const [left] = await tx
    .select({ n: count() })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId));
  if (!hasPassword && (left?.n ?? 0) === 0) {
    throw new AppError('CONFLICT', said('auth.lastWayIn'));
  }
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.identity_unlinked',
      resourceType: 'user',
      resourceId: userId,
      details: { provider: removed.provider, identityId },
    },
    audit,
  );
}
