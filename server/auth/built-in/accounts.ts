import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';

import { normalizeEmail } from '@/server/auth/email-address';
import { decoyPasswordHash, isOwnHash, verifyPassword } from './password-hash';
import { revokeSession, startSignInSession } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';

export type RequestMeta = AuditContext & {
  /** The session this browser had, ended in the same transaction as the new one starts. */
  replacesSessionId?: string;
};

/**
 * Built-in provider sign-in. Only a confirmed address may sign in (so nobody can
 * hold an account on an address that is not theirs); the right password on an
 * unconfirmed one gets a fresh link instead of a session.
 */
export async function signInAsService(
  db: Database,
  input: { email: string; password: string },
  meta: RequestMeta,
) {
  const email = normalizeEmail(input.email);
  const [user] = await withServiceRole(db, (tx) =>
    tx
      .select({
        id: authUsers.id,
        passwordHash: sql<string | null>`encrypted_password`,
        emailConfirmedAt: authUsers.emailConfirmedAt,
      })
      .from(authUsers)
      .where(eq(authUsers.email, email)),
  );
  // Unknown email, or a hash we did not write (bcrypt from Supabase, '' for OAuth
  // accounts): verify against the decoy, so timing reveals nothing, and fail.
  const ownHash = isOwnHash(user?.passwordHash) ? user.passwordHash : null;
  const valid =
    (await verifyPassword(ownHash ?? (await decoyPasswordHash()), input.password)) &&
    ownHash !== null;
  const unverified = Boolean(user && valid && !user.emailConfirmedAt);
  const session = await withServiceRole(db, async (tx) => {
    // The password may have changed while we were hashing: the session only starts
    // if the hash we checked is still the account's (the row stays locked till commit).
    const [current] = user
      ? await queryRows<{ encrypted_password: string | null }>(
          tx,
          sql`select encrypted_password from auth.users where id = ${user.id} for update`,
        )
      : [];
    const success = Boolean(valid && current?.encrypted_password === ownHash && !unverified);
    await recordAuditEvent(
      tx,
      {
        actorId: user?.id ?? null,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: user?.id,
        success,
        ...(user ? {} : { details: { reason: 'unknown email' } }),
        ...(unverified ? { details: { reason: 'email not verified' } } : {}),
      },
      meta,
    );
    if (!user || !success) return null;
    return startSignInSession(tx, user.id, meta, 'password');
  });
  if (user && unverified) return { kind: 'unverified' as const, userId: user.id, email };
  if (!user || !session) throw new AppError('UNAUTHORIZED', said('auth.signInFailed'));
  return { kind: 'signed-in' as const, userId: user.id, ...session };
}

export async function signOutAsService(
  db: Database,
  session: { userId: string; sessionId: string },
  meta: RequestMeta,
) {
  await withServiceRole(db, async (tx) => {
    await revokeSession(tx, session.sessionId);
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.sign_out',
        resourceType: 'session',
        resourceId: session.sessionId,
      },
      meta,
    );
  });
}
