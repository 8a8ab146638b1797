import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';

import { pgErrorCode } from '@/db/pg-error';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/errors';

import {
  decoyPasswordHash,
  hashPassword,
  isOwnHash,
  passwordProblem,
  verifyPassword,
} from './password';
import { createSession, revokeSession } from './sessions';

export type RequestMeta = AuditContext & {
  /** The session this browser had, ended in the same transaction as the new one starts. */
  replacesSessionId?: string;
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

// One message for every failed sign-in, so it never reveals whether an account exists.
const SIGN_IN_FAILED = 'The email or password is incorrect.';

/**
 * Built-in provider sign-up: the account goes into auth.users (as Supabase Auth
 * would put it), the profile follows from the trigger, and the caller is signed in.
 */
export async function signUpAsService(
  db: Database,
  input: { email: string; password: string; displayName?: string },
  meta: RequestMeta,
) {
  const problem = passwordProblem(input.password);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', `Invalid input: password ${problem}`, {
      fields: [{ path: 'password', message: `Password ${problem}.` }],
    });
  }
  const email = normalizeEmail(input.email);
  const userId = randomUUID();
  const encryptedPassword = await hashPassword(input.password);
  try {
    return await withServiceRole(db, async (tx) => {
      await tx.execute(sql`
        insert into auth.users (id, aud, role, email, encrypted_password, raw_app_meta_data,
                                raw_user_meta_data, created_at, updated_at)
        values (${userId}, 'authenticated', 'authenticated', ${email}, ${encryptedPassword},
                ${JSON.stringify({ provider: 'email', providers: ['email'] })}::jsonb,
                ${JSON.stringify({ display_name: input.displayName ?? null })}::jsonb,
                now(), now())`);
      await recordAuditEvent(
        tx,
        { actorId: userId, action: 'auth.sign_up', resourceType: 'user', resourceId: userId },
        meta,
      );
      if (meta.replacesSessionId) await revokeSession(tx, meta.replacesSessionId);
      return { userId, ...(await createSession(tx, userId, meta)) };
    });
  } catch (error) {
    if (pgErrorCode(error) === '23505') {
      throw new AppError(
        'CONFLICT',
        'An account with this email cannot be created. Try signing in.',
      );
    }
    throw error;
  }
}

export async function signInAsService(
  db: Database,
  input: { email: string; password: string },
  meta: RequestMeta,
) {
  const email = normalizeEmail(input.email);
  const [user] = await withServiceRole(db, (tx) =>
    tx
      .select({ id: authUsers.id, passwordHash: sql<string | null>`encrypted_password` })
      .from(authUsers)
      .where(eq(authUsers.email, email)),
  );
  // Unknown email, or a hash we did not write (bcrypt from Supabase, '' for OAuth
  // accounts): verify against the decoy, so timing reveals nothing, and fail.
  const ownHash = isOwnHash(user?.passwordHash) ? user.passwordHash : null;
  const valid =
    (await verifyPassword(ownHash ?? (await decoyPasswordHash()), input.password)) &&
    ownHash !== null;
  const session = await withServiceRole(db, async (tx) => {
    await recordAuditEvent(
      tx,
      {
        actorId: user?.id ?? null,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: user?.id,
        success: Boolean(user && valid),
        ...(user ? {} : { details: { reason: 'unknown email' } }),
      },
      meta,
    );
    if (!user || !valid) return null;
    if (meta.replacesSessionId) await revokeSession(tx, meta.replacesSessionId);
    return createSession(tx, user.id, meta);
  });
  if (!user || !session) throw new AppError('UNAUTHORIZED', SIGN_IN_FAILED);
  return { userId: user.id, ...session };
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

/**
 * Changes the password after checking the current one, and ends every other
 * session (whoever knew the old password is signed out).
 */
export async function changePasswordAsService(
  db: Database,
  session: { userId: string; sessionId?: string },
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const problem = passwordProblem(input.newPassword);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', `Invalid input: newPassword ${problem}`, {
      fields: [{ path: 'newPassword', message: `Password ${problem}.` }],
    });
  }
  const [user] = await withServiceRole(db, (tx) =>
    tx
      .select({ passwordHash: sql<string | null>`encrypted_password` })
      .from(authUsers)
      .where(eq(authUsers.id, session.userId)),
  );
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('FORBIDDEN', 'The current password is incorrect.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withServiceRole(db, async (tx) => {
    await tx.execute(
      sql`update auth.users set encrypted_password = ${passwordHash}, updated_at = now() where id = ${session.userId}`,
    );
    await tx.execute(sql`
      update user_sessions set revoked_at = now()
      where user_id = ${session.userId} and revoked_at is null
        and id is distinct from ${session.sessionId ?? null}::uuid`);
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.password_changed',
        resourceType: 'user',
        resourceId: session.userId,
      },
      meta,
    );
  });
}
