import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { accountExistsEmail, verificationEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/app-url';

import { normalizeEmail } from './accounts';
import { issueEmailToken } from './email-tokens';
import { assertPasswordAllowed, hashPassword } from './password';

/**
 * Built-in provider sign-up. The account goes into auth.users (as Supabase Auth
 * would put it, the profile following from the trigger) and a verification link is
 * mailed; nobody is signed in until the address is confirmed. For an address that
 * already has an account the answer is the same, and that address gets a note
 * instead, so sign-up never reveals who is registered.
 */
export async function signUpAsService(
  db: Database,
  input: { email: string; password: string; displayName?: string },
  audit: AuditContext,
) {
  assertPasswordAllowed(input.password, 'password');
  const email = normalizeEmail(input.email);
  // Hashed in both cases, so the answer takes as long either way.
  const encryptedPassword = await hashPassword(input.password);
  const token = await withServiceRole(db, async (tx) => {
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`insert into auth.users (id, aud, role, email, encrypted_password, raw_app_meta_data,
                                  raw_user_meta_data, created_at, updated_at)
          values (${randomUUID()}, 'authenticated', 'authenticated', ${email}, ${encryptedPassword},
                  ${JSON.stringify({ provider: 'email', providers: ['email'] })}::jsonb,
                  ${JSON.stringify({ display_name: input.displayName ?? null })}::jsonb,
                  now(), now())
          on conflict (email) where is_sso_user = false do nothing
          returning id`,
    );
    if (!created) return null;
    await recordAuditEvent(
      tx,
      { actorId: created.id, action: 'auth.sign_up', resourceType: 'user', resourceId: created.id },
      audit,
    );
    return issueEmailToken(tx, created.id, 'verify_email');
  });
  // The caller mails it; either way exactly one message goes to the address.
  return token
    ? verificationEmail(email, appUrl(`/verify-email?token=${token}`))
    : accountExistsEmail(email, appUrl('/forgot-password'));
}
