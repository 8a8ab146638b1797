import { and, eq, isNull, sql } from 'drizzle-orm';

import { afterCommit, withServiceRole } from '@/db/rls';
import { twoFactorFactors, twoFactorRecoveryCodes, userSessions } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { said } from '@/server/i18n/error-words';
import { AppError } from '@/server/platform/http/errors';

import { forgetSessions, forgetSessionsOf } from '@/server/auth/session-cache';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { keyUriOf, manualKeyOf, matchingStep, newTotpSecret } from './totp';

/** A built-in session, signed in or waiting for its second factor. */
export type FactorSession = { userId: string; sessionId: string };

const ISSUER = 'Lean SaaS';

async function factorOf(tx: Tx, userId: string, lock = false) {
  const query = tx.select().from(twoFactorFactors).where(eq(twoFactorFactors.userId, userId));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

async function unusedRecoveryCodes(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.count ?? 0;
}

/** Whether a new session of this account must prove a second factor before it is any use. */
export async function secondFactorRequiredAsService(db: Database, userId: string) {
  const [row] = await withServiceRole(db, (tx) =>
    tx
      .select({ enabledAt: twoFactorFactors.enabledAt })
      .from(twoFactorFactors)
      .where(eq(twoFactorFactors.userId, userId)),
  );
  return Boolean(row?.enabledAt);
}

export async function twoFactorStatusAsService(db: Database, userId: string) {
  return withServiceRole(db, async (tx) => {
    const factor = await factorOf(tx, userId);
    const enabled = Boolean(factor?.enabledAt);
    return {
      enabled,
      enabledAt: factor?.enabledAt ?? null,
      recoveryCodesLeft: enabled ? await unusedRecoveryCodes(tx, userId) : 0,
    };
  });
}

/** Replaces the account's recovery codes with ten new ones; returns them (shown once). */
async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = newRecoveryCodes();
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx
    .insert(twoFactorRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })));
  return codes;
}

/**
 * A new secret, waiting for its first code (confirmEnrolmentAsService). Starting
 * again replaces a pending one; an enabled factor must be disabled first.
 */
export async function startEnrolmentAsService(
  db: Database,
  user: { userId: string; email: string },
  meta: AuditContext,
) {
  const secret = newTotpSecret();
  await withServiceRole(db, async (tx) => {
    const existing = await factorOf(tx, user.userId, true);
    if (existing?.enabledAt) throw new AppError('CONFLICT', said('auth.twoFactorAlreadyOn'));
    const sealed = sealSecret(secret, user.userId);
    await tx
      .insert(twoFactorFactors)
      .values({ userId: user.userId, secretCiphertext: sealed })
      .onConflictDoUpdate({
        target: twoFactorFactors.userId,
        set: { secretCiphertext: sealed, lastStep: null, createdAt: sql`now()` },
      });
    await recordAuditEvent(
      tx,
      {
        actorId: user.userId,
        action: 'auth.two_factor.enrolment_started',
        resourceType: 'user',
        resourceId: user.userId,
      },
      meta,
    );
  });
  return { manualKey: manualKeyOf(secret), keyUri: keyUriOf(secret, ISSUER, user.email) };
}

/** Marks the session as having proven the second factor now; its cached copies go after commit. */
async function markSecondFactor(tx: Tx, session: FactorSession) {
  await tx
    .update(userSessions)
    .set({ secondFactorAt: sql`now()` })
    .where(and(eq(userSessions.id, session.sessionId), eq(userSessions.userId, session.userId)));
  afterCommit(tx, () => forgetSessions([session.sessionId]));
}

type Attempt = { ok: true; via: 'totp' | 'recovery' } | { ok: false; reason: string };

/** Checks a TOTP code (never a step already used) or an unused recovery code, and spends it. */
async function spendCode(
  tx: Tx,
  factor: { userId: string; secretCiphertext: string; lastStep: number | null },
  code: string,
): Promise<Attempt> {
  const typed = code.trim();
  if (/^\d{6}$/.test(typed.replace(/\s/g, ''))) {
    const step = matchingStep(
      openSecret(factor.secretCiphertext, factor.userId),
      typed.replace(/\s/g, ''),
    );
    if (step === null) return { ok: false, reason: 'wrong code' };
    if (factor.lastStep !== null && step <= factor.lastStep)
      return { ok: false, reason: 'replayed code' };
    await tx
      .update(twoFactorFactors)
      .set({ lastStep: step })
      .where(eq(twoFactorFactors.userId, factor.userId));
    return { ok: true, via: 'totp' };
  }
  if (!looksLikeRecoveryCode(typed)) return { ok: false, reason: 'wrong code' };
  const hash = hashRecoveryCode(factor.userId, typed);
  const [spent] = await tx
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, factor.userId),
        eq(twoFactorRecoveryCodes.codeHash, hash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  if (spent) return { ok: true, via: 'recovery' };
  const [used] = await tx
    .select({ id: twoFactorRecoveryCodes.id })
    .from(twoFactorRecoveryCodes)
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, factor.userId),
        eq(twoFactorRecoveryCodes.codeHash, hash),
      ),
    );
  return { ok: false, reason: used ? 'used recovery code' : 'wrong code' };
}

/**
 * Turns a pending factor on with its first code: the account then has ten recovery
 * codes (returned, shown once), and this session counts as having proven it.
 */
export async function confirmEnrolmentAsService(
  db: Database,
  session: FactorSession,
  code: string,
  meta: AuditContext,
) {
  const outcome = await withServiceRole(db, async (tx) => {
    const factor = await factorOf(tx, session.userId, true);
    if (!factor || factor.enabledAt) return { codes: null, reason: 'no pending enrolment' };
    const attempt = /^\d{6}$/.test(code.trim()) ? await spendCode(tx, factor, code) : null;
    const success = attempt?.ok === true;
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.two_factor.enabled',
        resourceType: 'user',
        resourceId: session.userId,
        success,
        ...(success
          ? {}
          : { details: { reason: attempt && !attempt.ok ? attempt.reason : 'wrong code' } }),
      },
      meta,
    );
    if (!success) return { codes: null, reason: 'wrong code' };
    await tx
      .update(twoFactorFactors)
      .set({ enabledAt: sql`now()` })
      .where(eq(twoFactorFactors.userId, session.userId));
    const codes = await replaceRecoveryCodes(tx, session.userId);
    await markSecondFactor(tx, session);
    // Every other session of the account now needs the second factor too.
    afterCommit(tx, () => forgetSessionsOf(session.userId));
    return { codes, reason: null };
  });
  if (outcome.reason === 'no pending enrolment') {
    throw new AppError('CONFLICT', said('auth.twoFactorNoEnrolment'));
  }
  if (!outcome.codes) throw new AppError('UNAUTHORIZED', said('auth.twoFactorCodeInvalid'));
  return { recoveryCodes: outcome.codes };
}

/**
 * The second factor for a session: after a sign-in (the session is of no use until
 * then) or as a step-up before a sensitive action. Failures are audited and throw
 * 401, which the router counts towards the account's lockout.
 */
export async function verifySecondFactorAsService(
  db: Database,
  session: FactorSession,
  code: string,
  meta: AuditContext,
) {
  const attempt = await withServiceRole(db, async (tx): Promise<Attempt> => {
    const factor = await factorOf(tx, session.userId, true);
    const result: Attempt = factor?.enabledAt
      ? await spendCode(tx, factor, code)
      : { ok: false, reason: 'two-factor authentication is off' };
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.second_factor',
        resourceType: 'session',
        resourceId: session.sessionId,
        success: result.ok,
        details: result.ok ? { via: result.via } : { reason: result.reason },
      },
      meta,
    );
    if (result.ok) await markSecondFactor(tx, session);
    return result;
  });
  if (!attempt.ok) throw new AppError('UNAUTHORIZED', said('auth.twoFactorCodeInvalid'));
  return { via: attempt.via };
}

/** A code refused unread because the account's second step is locked (too many wrong codes). */
export async function recordLockedOutAsService(
  db: Database,
  session: FactorSession,
  meta: AuditContext,
) {
  await withServiceRole(db, (tx) =>
    recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.second_factor',
        resourceType: 'session',
        resourceId: session.sessionId,
        success: false,
        details: { reason: 'locked out' },
      },
      meta,
    ),
  );
}

/** Turns two-factor authentication off (the router asks for a recent second factor first). */
export async function disableTwoFactorAsService(
  db: Database,
  session: FactorSession,
  meta: AuditContext,
) {
  await withServiceRole(db, async (tx) => {
    const [removed] = await tx
      .delete(twoFactorFactors)
      .where(eq(twoFactorFactors.userId, session.userId))
      .returning({ userId: twoFactorFactors.userId });
    if (!removed) throw new AppError('CONFLICT', said('auth.twoFactorNotOn'));
    await tx
      .delete(twoFactorRecoveryCodes)
      .where(eq(twoFactorRecoveryCodes.userId, session.userId));
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.two_factor.disabled',
        resourceType: 'user',
        resourceId: session.userId,
      },
      meta,
    );
    afterCommit(tx, () => forgetSessionsOf(session.userId));
  });
}

/** Ten new recovery codes in place of the old (after a recent second factor). */
export async function regenerateRecoveryCodesAsService(
  db: Database,
  session: FactorSession,
  meta: AuditContext,
) {
  const codes = await withServiceRole(db, async (tx) => {
    const factor = await factorOf(tx, session.userId, true);
    if (!factor?.enabledAt) throw new AppError('CONFLICT', said('auth.twoFactorNotOn'));
    await recordAuditEvent(
      tx,
      {
        actorId: session.userId,
        action: 'auth.two_factor.recovery_codes_regenerated',
        resourceType: 'user',
        resourceId: session.userId,
      },
      meta,
    );
    return replaceRecoveryCodes(tx, session.userId);
  });
  return { recoveryCodes: codes };
}
