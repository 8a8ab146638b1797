import { eq } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import type { Locale } from '@/server/i18n/locales';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { emailChangeEmail, emailChangeNoticeEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';

import { normalizeEmail } from '@/server/auth/email-address';
import { said } from '@/server/i18n/error-words';
import { issueEmailToken } from './email-tokens';
import { assertCurrentPassword } from './password-change';

/**
 * Starts a change of address: the new address gets a link that makes it the
 * account's (re-verified), the old one a notice, both in the account holder's
 * language (`locale`). Nothing changes until the link is
 * opened. Whether the new address is taken is only told then, and only to whoever
 * holds that mailbox.
 */
export async function requestEmailChangeAsService(
  db: Database,
  userId: string,
  input: { newEmail: string; currentPassword: string },
  audit: AuditContext,
  locale: Locale,
) {
  await assertCurrentPassword(db, userId, input.currentPassword);
  const newEmail = normalizeEmail(input.newEmail);
  const { token, oldEmail } = await withServiceRole(db, async (tx) => {
    const [user] = await tx
      .select({ email: authUsers.email })
      .from(authUsers)
      .where(eq(authUsers.id, userId));
    if (!user?.email) throw new AppError('NOT_FOUND', said('auth.accountNotFound'));
    if (user.email === newEmail) {
      throw new AppError('VALIDATION_FAILED', said('auth.sameEmailSummary'), {
        fields: [{ path: 'newEmail', message: said('auth.sameEmail') }],
      });
    }
    const token = await issueEmailToken(tx, userId, 'change_email', { newEmail });
    await recordAuditEvent(
      tx,
      {
        actorId: userId,
        action: 'auth.email_change_requested',
        resourceType: 'user',
        resourceId: userId,
      },
      audit,
    );
    return { token, oldEmail: user.email };
  });
  // Rendered after the commit: the transaction is not held open for it.
  return Promise.all([
    emailChangeEmail(locale, newEmail, appUrl(`/verify-email?token=${token}`)),
    emailChangeNoticeEmail(locale, oldEmail, newEmail, appUrl('/forgot-password')),
  ]);
}
