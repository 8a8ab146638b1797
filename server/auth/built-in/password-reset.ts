import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { accountLocaleAsService } from '../account-locale';
import { isLocale, type Locale } from '@/server/i18n/locales';
import { revokeAllApiKeysOf } from '@/server/api-keys/service';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { passwordResetEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';

import { normalizeEmail } from '@/server/auth/email-address';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { assertPasswordAllowed } from '@/server/auth/password';
import { hashPassword } from './password-hash';
import { replacePassword } from './password-change';
import { onUserChanged } from '@/server/auth/user-changed';
import { said } from '@/server/i18n/error-words';

/**
 * The reset link for `email` in `locale`, or null when no account has that
 * address. The caller answers the same either way.
 */
export async function passwordResetMessageAsService(
  db: Database,
  email: string,
  audit: AuditContext,
  locale: Locale,
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
  if (!token) return null;
  // The account's own language first: a reset may be asked for from any browser.
  const theirs = await accountLocaleAsService(db, address).catch(() => null);
  return passwordResetEmail(
    isLocale(theirs) ? theirs : locale,
    address,
    appUrl(`/reset-password?token=${token}`),
  );
}

/**
 * Sets a new password from a mailed reset link, once. Opening the link proves the
 * address, so it also counts as verifying it; every session ends, and unless the
 * caller declines, every API key too (in the same transaction, by the api-keys
 * module's own function). A password change, by someone who knew the password,
 * keeps the keys.
 */
export async function resetPasswordAsService(
  db: Database,
  input: { token: string; newPassword: string; revokeApiKeys: boolean },
  audit: AuditContext,
) {
  assertPasswordAllowed(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const { userId, keysRevoked } = await withServiceRole(db, async (tx) => {
    const link = await consumeEmailToken(tx, input.token, ['reset_password']);
    if (!link) throw new AppError('NOT_FOUND', said('auth.linkInvalid'));
    await replacePassword(tx, link.userId, passwordHash, { keepSessionId: null });
    await tx.execute(sql`
      update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now())
      where id = ${link.userId}`);
    const keysRevoked = input.revokeApiKeys
      ? await revokeAllApiKeysOf(tx, link.userId, 'password reset', audit)
      : 0;
    await recordAuditEvent(
      tx,
      {
        actorId: link.userId,
        action: 'auth.password_reset',
        resourceType: 'user',
        resourceId: link.userId,
        details: { revokeApiKeys: input.revokeApiKeys, keysRevoked },
      },
      audit,
    );
    return { userId: link.userId, keysRevoked };
  });
  // Cached keys would still be served for a few seconds: drop them, as revocations do.
  if (keysRevoked > 0) await onUserChanged(userId);
}
