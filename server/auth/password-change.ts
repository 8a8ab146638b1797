import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { withServiceRole } from '@/db/rls';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { passwordResetEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/app-url';
import { AppError } from '@/server/platform/errors';

import { normalizeEmail } from './accounts';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { assertPasswordAllowed, hashPassword, isOwnHash, verifyPassword } from './password';

/**
 * Sets a new password hash and ends every session but `keepSessionId`: whoever
 * knew the old password is signed out.
 */
async function replacePassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
) {
  await tx.execute(sql`
    update auth.users set encrypted_password = ${passwordHash}, updated_at = now()
    where id = ${userId}`);
  await tx.execute(sql`
    update user_sessions set revoked_at = now()
    where user_id = ${userId} and revoked_at is null
      and id is distinct from ${keepSessionId}::uuid`);
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

/** Checks the current password; a wrong one is a 403 naming the field. */
export async function assertCurrentPassword(db: Database, userId: string, password: string) {
  const hash = await passwordHashOf(db, userId);
  if (!isOwnHash(hash) || !(await verifyPassword(hash, password))) {
    throw new AppError('FORBIDDEN', 'The current password is incorrect.', {
      fields: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
    });
  }
}

/** Changes the password of a signed-in user, who stays signed in here only. */
export async function changePasswordAsService(
  db: Database,
  session: { userId: string; sessionId?: string },
  input: { currentPassword: string; newPassword: string },
  audit: AuditContext,
) {
  assertPasswordAllowed(input.newPassword, 'newPassword');
  await assertCurrentPassword(db, session.userId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await withServiceRole(db, async (tx) => {
    await replacePassword(tx, session.userId, passwordHash, session.sessionId ?? null);
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

/**
 * The reset link for `email`, or null when no account has that address. The
 * caller answers the same either way.
 */
export async function passwordResetMessageAsService(db: Database, email: string) {
  const address = normalizeEmail(email);
  const token = await withServiceRole(db, async (tx) => {
    const [user] = await tx
      .select({ id: authUsers.id })
      .from(authUsers)
      .where(eq(authUsers.email, address));
    return user ? issueEmailToken(tx, user.id, 'reset_password') : null;
  });
  return token ? passwordResetEmail(address, appUrl(`/reset-password?token=${token}`)) : null;
}

/**
 * Sets a new password from a mailed reset link, once. Opening the link proves the
 * address, so it also counts as verifying it; every session ends.
 */
export async function resetPasswordAsService(
  db: Database,
  input: { token: string; newPassword: string },
  audit: AuditContext,
) {
  assertPasswordAllowed(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await withServiceRole(db, async (tx) => {
    const link = await consumeEmailToken(tx, input.token, ['reset_password']);
    if (!link) throw new AppError('NOT_FOUND', 'This link is invalid or has expired.');
    await replacePassword(tx, link.userId, passwordHash, null);
    await tx.execute(sql`
      update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now())
      where id = ${link.userId}`);
    await recordAuditEvent(
      tx,
      {
        actorId: link.userId,
        action: 'auth.password_reset',
        resourceType: 'user',
        resourceId: link.userId,
      },
      audit,
    );
  });
}
