import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { accountLocaleAsService } from '../account-locale';
import { isLocale, type Locale } from '@/server/i18n/locales';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { accountExistsEmail, verificationEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';

import { normalizeEmail } from '@/server/auth/email-address';
import { issueEmailToken } from './email-tokens';
import { assertPasswordAllowed } from '@/server/auth/password';
import { hashPassword } from './password-hash';

/** The account a sign-up landed on: new, or the one that already had the address. */
export type SignUpOutcome = { email: string; userId: string | null; created: boolean };

/**
 * Built-in provider sign-up. The account goes into auth.users (as Supabase Auth
 * would put it, the profile following from the trigger); nobody is signed in until
 * the address is confirmed. For an address that already has an account the answer
 * is the same and so is the work done before it: one hash, one statement, one audit
 * row (an attempt on a taken address is worth telling its owner about anyway). The
 * link and the mail, which differ, come after the response (signUpMessageAsService).
 */
export async function signUpAsService(
  db: Database,
  input: { email: string; password: string; displayName?: string },
  audit: AuditContext,
): Promise<SignUpOutcome> {
  assertPasswordAllowed(input.password, 'password');
  const email = normalizeEmail(input.email);
  const encryptedPassword = await hashPassword(input.password);
  return withServiceRole(db, async (tx) => {
    // One statement either way: the insert, or (from the same snapshot) the account
    // that already has the address.
    const [account] = await queryRows<{ id: string; created: boolean }>(
      tx,
      sql`with inserted as (
            insert into auth.users (id, aud, role, email, encrypted_password, raw_app_meta_data,
                                    raw_user_meta_data, created_at, updated_at)
            values (${randomUUID()}, 'authenticated', 'authenticated', ${email}, ${encryptedPassword},
                    ${JSON.stringify({ provider: 'email', providers: ['email'] })}::jsonb,
                    ${JSON.stringify({ display_name: input.displayName ?? null })}::jsonb,
                    now(), now())
            on conflict (email) where is_sso_user = false do nothing
            returning id)
          select id, true as created from inserted
          union all
          select id, false from auth.users where email = ${email} and is_sso_user = false`,
    );
    // No row: a concurrent sign-up for the address committed while this one waited.
    const created = account?.created === true;
    const userId = account?.id ?? null;
    await recordAuditEvent(
      tx,
      {
        actorId: created ? userId : null,
        action: created ? 'auth.sign_up' : 'auth.sign_up_address_taken',
        resourceType: 'user',
        resourceId: userId ?? undefined,
        success: created,
      },
      audit,
    );
    return { email, userId, created };
  });
}

/**
 * Run after the response: a new account gets its confirmation link, an existing
 * one a note pointing at password reset; either way exactly one message, in the
 * language of the sign-up's request (`locale`), or for the note the owner's own. Should
 * this never run, nothing is stuck: signing in with the right password mails a
 * fresh link, and signing up again sends the note.
 */
export async function signUpMessageAsService(db: Database, outcome: SignUpOutcome, locale: Locale) {
  const { email, userId, created } = outcome;
  if (!created || !userId) {
    // To the account's owner, who may not be the one who signed up: their language.
    const theirs = await accountLocaleAsService(db, email).catch(() => null);
    return accountExistsEmail(
      isLocale(theirs) ? theirs : locale,
      email,
      appUrl('/forgot-password'),
    );
  }
  const token = await withServiceRole(db, (tx) => issueEmailToken(tx, userId, 'verify_email'));
  return verificationEmail(locale, email, appUrl(`/verify-email?token=${token}`));
}
