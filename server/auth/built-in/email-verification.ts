import { sql } from 'drizzle-orm';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import type { Locale } from '@/server/i18n/locales';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { verificationEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';

import { grantBootstrapAdmin } from '@/server/auth/bootstrap-admin';
import { consumeEmailToken, issueEmailToken, voidEmailTokens } from './email-tokens';
import { onUserChanged } from '@/server/auth/user-changed';
import { said } from '@/server/i18n/error-words';

/** A new verification link for an account whose address is not confirmed yet, in `locale`. */
export async function verificationMessageAsService(
  db: Database,
  user: { id: string; email: string },
  audit: AuditContext,
  locale: Locale,
) {
  const token = await withServiceRole(db, async (tx) => {
    const issued = await issueEmailToken(tx, user.id, 'verify_email');
    // The new link voids the previous one: a change of state, audited.
    await recordAuditEvent(
      tx,
      {
        actorId: user.id,
        action: 'auth.verification_sent',
        resourceType: 'user',
        resourceId: user.id,
      },
      audit,
    );
    return issued;
  });
  return verificationEmail(locale, user.email, appUrl(`/verify-email?token=${token}`));
}

/**
 * Confirms the address behind a mailed link, once: the account's own address
 * (after sign-up), or the new address it asked to change to.
 */
export async function confirmEmailAsService(db: Database, token: string, audit: AuditContext) {
  try {
    const confirmed = await withServiceRole(db, async (tx) => {
      const link = await consumeEmailToken(tx, token, ['verify_email', 'change_email']);
      if (!link) throw new AppError('NOT_FOUND', said('auth.linkInvalid'));
      const [user] = await queryRows<{ id: string; email: string }>(
        tx,
        sql`update auth.users
            set email = coalesce(${link.newEmail}, email), email_confirmed_at = now(),
                updated_at = now()
            where id = ${link.userId}
            returning id, email`,
      );
      if (!user) throw new AppError('NOT_FOUND', said('auth.linkInvalid'));
      // Only the first confirmation of an account's own address: an email change
      // back to a listed address must not restore a role an admin took away.
      if (!link.newEmail) await grantBootstrapAdmin(tx, user, audit);
      if (link.newEmail) await voidEmailTokens(tx, user.id);
      await recordAuditEvent(
        tx,
        {
          actorId: user.id,
          action: link.newEmail ? 'auth.email_changed' : 'auth.email_verified',
          resourceType: 'user',
          resourceId: user.id,
        },
        audit,
      );
      return { userId: user.id, emailChanged: link.newEmail !== null };
    });
    // API keys carry the owner's email, and a listed address may have made them an
    // admin (ADMIN_EMAILS): cached copies go.
    await onUserChanged(confirmed.userId);
    return confirmed;
  } catch (error) {
    if (pgErrorCode(error) === '23505') {
      throw new AppError('CONFLICT', said('auth.addressTaken'));
    }
    throw error;
  }
}
