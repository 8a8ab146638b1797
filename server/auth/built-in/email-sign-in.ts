import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { SessionMethod } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { isLocale, type Locale } from '@/server/i18n/locales';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { signInEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { accountLocaleAsService } from '@/server/auth/account-locale';
import { grantBootstrapAdmin } from '@/server/auth/bootstrap-admin';
import { normalizeEmail } from '@/server/auth/email-address';
import { startSignInSession } from '@/server/auth/sessions';
import { onUserChanged } from '@/server/auth/user-changed';
import type { RequestMeta } from './accounts';
import { consumeEmailToken, consumeSignInCode, issueSignInToken, NO_ACCOUNT } from './email-tokens';

const userByEmail = async (tx: Tx, email: string) =>
  (
    await tx
      .select({ id: authUsers.id })
      .from(authUsers)
      .where(eq(authUsers.email, normalizeEmail(email)))
  )[0];

/**
 * The sign-in mail (link and code) for `email` in `locale`, or null when no account
 * has that address: nothing is sent then, as for a password reset, and the caller
 * answers the same either way.
 */
export async function signInMessageAsService(
  db: Database,
  email: string,
  audit: AuditContext,
  locale: Locale,
) {
  const address = normalizeEmail(email);
  const issued = await withServiceRole(db, async (tx) => {
    const user = await userByEmail(tx, address);
    await recordAuditEvent(
      tx,
      {
        actorId: user?.id ?? null,
        action: 'auth.email_sign_in_requested',
        resourceType: 'user',
        resourceId: user?.id,
        success: Boolean(user),
        ...(user ? {} : { details: { reason: 'unknown email' } }),
      },
      audit,
    );
    return user ? issueSignInToken(tx, user.id) : null;
  });
  if (!issued) return null;
  // The account's own language first: the mail may be asked for from any browser.
  const theirs = await accountLocaleAsService(db, address).catch(() => null);
  return signInEmail(
    isLocale(theirs) ? theirs : locale,
    address,
    appUrl(`/sign-in/email?token=${issued.token}`),
    issued.code,
  );
}

/**
 * Opens the session once the mail is proven. Receiving the mail proves the address,
 * so an unconfirmed account is confirmed here; its password is cleared then, because
 * whoever signed up with it never proved the address was theirs: otherwise someone
 * could register a victim's address with a password of their own, wait for the
 * victim to sign in by mail, and share the account (pre-hijacking). The owner sets a
 * password of their own with "forgot password" if they want one.
 */
async function openSession(tx: Tx, userId: string, method: SessionMethod, meta: RequestMeta) {
  const [user] = await queryRows<{ email: string; email_confirmed_at: Date | null }>(
    tx,
    sql`select email, email_confirmed_at from auth.users where id = ${userId} for update`,
  );
  if (!user) return null;
  const confirms = !user.email_confirmed_at;
  if (confirms) {
    await tx.execute(sql`
      update auth.users set email_confirmed_at = now(), encrypted_password = '',
        updated_at = now()
      where id = ${userId}`);
    await grantBootstrapAdmin(tx, { id: userId, email: user.email }, meta);
  }
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.sign_in',
      resourceType: 'user',
      resourceId: userId,
      details: { method, ...(confirms ? { confirmedEmail: true, passwordCleared: true } : {}) },
    },
    meta,
  );
  return { userId, confirmed: confirms, ...(await startSignInSession(tx, userId, meta, method)) };
}

/** After the commit: an account confirmed here may have become an admin (ADMIN_EMAILS). */
async function afterOpened<T extends { userId: string; confirmed: boolean }>(session: T) {
  if (session.confirmed) await onUserChanged(session.userId);
  return session;
}

const failed = (
  tx: Tx,
  userId: string | null,
  method: SessionMethod,
  reason: string,
  meta: RequestMeta,
) =>
  recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.sign_in',
      resourceType: 'user',
      resourceId: userId ?? undefined,
      success: false,
      details: { method, reason },
    },
    meta,
  );

/** Signs in with the token of a mailed sign-in link, once. */
export async function signInWithEmailLinkAsService(db: Database, token: string, meta: RequestMeta) {
  // The refusal is thrown after the commit, so that its audit row stays.
  const session = await withServiceRole(db, async (tx) => {
    const link = await consumeEmailToken(tx, token, ['sign_in']);
    const opened = link ? await openSession(tx, link.userId, 'email-link', meta) : null;
    if (!opened) await failed(tx, null, 'email-link', 'invalid or expired link', meta);
    return opened;
  });
  if (!session) throw new AppError('NOT_FOUND', said('auth.linkInvalid'));
  return afterOpened(session);
}

/**
 * Signs in with the address and the code of its newest sign-in mail, once. An
 * unknown address, no live mail and a wrong code get the same refusal.
 */
export async function signInWithEmailCodeAsService(
  db: Database,
  input: { email: string; code: string },
  meta: RequestMeta,
) {
  const session = await withServiceRole(db, async (tx) => {
    const user = await userByEmail(tx, input.email);
    // Checked for an unknown address too, against no mail, so it takes as long.
    const proven = await consumeSignInCode(tx, user?.id ?? NO_ACCOUNT, input.code);
    const opened = user && proven ? await openSession(tx, user.id, 'email-code', meta) : null;
    if (!opened) {
      const reason = user ? 'wrong or expired code' : 'unknown email';
      await failed(tx, user?.id ?? null, 'email-code', reason, meta);
    }
    return opened;
  });
  if (!session) throw new AppError('UNAUTHORIZED', said('auth.codeInvalid'));
  return afterOpened(session);
}
