import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';

import { voidEmailTokens } from './email-tokens';
import { assertPasswordAllowed, wrongCurrentPassword } from '@/server/auth/password';
import { hashPassword, isOwnHash, verifyPassword } from './password-hash';
import { revokeSessionsOf } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';

/**
 * Sets a new password hash and ends every session but `keepSessionId` (whoever
 * knew the old password is signed out) and every unused mailed link. With
 * `expectedHash`, only if the password is still the one that was checked: the row
 * is locked, so a reset in between wins and this change is refused.
 */
export async function replacePassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  options: { keepSessionId: string | null; expectedHash?: string },
) {
  if (options.expectedHash !== undefined) {
    const [current] = await queryRows<{ encrypted_password: string | null }>(
      tx,
      sql`select encrypted_password from auth.users where id = ${userId} for update`,
    );
    if (current?.encrypted_password !== options.expectedHash) {
      throw new AppError('CONFLICT', said('auth.passwordChangedMeanwhile'));
    }
  }
  await tx.execute(sql`
    update auth.users set encrypted_password = ${passwordHash}, updated_at = now()
    where id = ${userId}`);
  await revokeSessionsOf(tx, userId, { except: options.keepSessionId });
  await voidEmailTokens(tx, userId);
}

async function passwordHashOf(db: Database, userId: string) {
  const [user] = await withServiceRole(db, (tx) =>
    tx
      .select({ passwordHash: sql<string | null>`encrypted_password` })
      .from(authUsers)
      .where(eq(authUsers.id, userId)),
  );
  return user?.passwordHash ?? null;
}

/**
 * Checks the current password; a wrong one is a 403 naming the field. Returns the
 * hash it checked, for replacePassword's `expectedHash`.
 */
export async function assertCurrentPassword(db: Database, userId: string, password: string) {
  const hash = await passwordHashOf(db, userId);
  if (!isOwnHash(hash) || !(await verifyPassword(hash, password))) {
    throw wrongCurrentPassword();
  }
  return hash;
}

/** Changes the password of a signed-in user, who stays signed in here only. */
export async function changePasswordAsService(
  db: Database,
  session: { userId: string; sessionId?: string },
  input: { currentPassword: string; newPassword: string },
  audit: AuditContext,
) {
  assertPasswordAllowed(input.newPassword, 'newPassword');
  const checkedHash = await assertCurrentPassword(db, session.userId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await withServiceRole(db, async (tx) => {
    await replacePassword(tx, session.userId, passwordHash, {
      keepSessionId: session.sessionId ?? null,
      expectedHash: checkedHash,
    });
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.password_changed',
        resourceType: 'user',
        resourceId: session.userId,
      },
      audit,
    );
  });
}
