import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { passwordResetEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/app-url';
import { AppError } from '@/server/platform/errors';

import { normalizeEmail } from './accounts';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { assertPasswordAllowed, hashPassword } from './password';
import { replacePassword } from './password-change';

/**
 * The reset link for `email`, or null when no account has that address. The
 * caller answers the same either way.
 */
export async function passwordResetMessageAsService(
  db: Database,
  email: string,
  audit: AuditContext,
) {
  const address = normalizeEmail(email);
  const token = await withServiceRole(db, async (tx) => {
    const [user] = await tx
      .select({ id: authUsers.id })
      .from(authUsers)
      .where(eq(authUsers.email, address));
    if (!user) return null;
    const issued = await issueEmailToken(tx, user.id, 'reset_password');
    // Issuing a link voids the previous one: a change of state, so it is audited.
    await recordAuditEvent(
      tx,
      {
        actorId: user.id,
        action: 'auth.password_reset_requested',
        resourceType: 'user',
        resourceId: user.id,
      },
      audit,
    );
    return issued;
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
    await replacePassword(tx, link.userId, passwordHash, { keepSessionId: null });
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
