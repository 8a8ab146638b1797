import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';

import { emailTokens, type EmailTokenPurpose } from '@/db/schema/email-tokens';
import type { Tx } from '@/db/types';

/** How long each kind of link works: reset links are short-lived, as OWASP advises. */
const TTL_MINUTES: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60,
  reset_password: 60,
  change_email: 24 * 60,
  sign_in: 15,
};

/** A user id no account has: what a code is checked against for an unknown address. */
export const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** Wrong codes a sign-in mail survives; the next wrong one spends it (link included). */
export const SIGN_IN_CODE_ATTEMPTS = 5;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a one-time token for a mailed link, in the caller's (service)
 * transaction. Only the newest link of each purpose works: earlier unused ones go.
 */
export async function issueEmailToken(
  tx: Tx,
  userId: string,
  purpose: EmailTokenPurpose,
  extra: { newEmail?: string; codeHash?: string } = {},
) {
  // 256 random bits; only the hash is kept.
  const token = randomBytes(32).toString('base64url');
  // The user's row lock makes concurrent issues queue, so one live link remains.
  await tx.execute(sql`select 1 from auth.users where id = ${userId} for update`);
  await tx
    .delete(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
      ),
    );
  await tx.insert(emailTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    newEmail: extra.newEmail ?? null,
    codeHash: extra.codeHash ?? null,
    expiresAt: sql`now() + make_interval(mins => ${TTL_MINUTES[purpose]})`,
  });
  return token;
}

/** Marks a live token of one of `purposes` used and returns it, or null. */
export async function consumeEmailToken(
  tx: Tx,
  token: string,
  purposes: readonly EmailTokenPurpose[],
) {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        inArray(emailTokens.purpose, [...purposes]),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({
      userId: emailTokens.userId,
      purpose: emailTokens.purpose,
      newEmail: emailTokens.newEmail,
    });
  return row ?? null;
}

/**
 * Voids every unused link of the user: after a password reset or change, or an
 * address change, no link mailed before it may still act on the account (say, a
 * change of address requested by whoever had the old password).
 */
export async function voidEmailTokens(tx: Tx, userId: string) {
  await tx
    .delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
}

// The code is salted with the user's id: the same code for two accounts hashes apart.
// Six digits are no secret against whoever can read the table (a million guesses
// offline); the hash only keeps it out of plain sight while it lives its 15 minutes.
const hashCode = (userId: string, code: string) =>
  createHash('sha256').update(`${userId}:${code}`).digest();

/**
 * A passwordless sign-in mail's secrets: a link token and a 6-digit code, one row,
 * so that using either spends both. Earlier unused sign-in mails stop working.
 */
export async function issueSignInToken(tx: Tx, userId: string) {
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const codeHash = hashCode(userId, code).toString('hex');
  const token = await issueEmailToken(tx, userId, 'sign_in', { codeHash });
  return { token, code };
}

/**
 * Spends the user's live sign-in mail when `code` is its code. A wrong code counts
 * against the row, and the last allowed wrong one spends it, so one mail gives a
 * guesser SIGN_IN_CODE_ATTEMPTS tries. Compared in constant time; the caller's
 * transaction must commit even when this returns false, so the count holds.
 */
export async function consumeSignInCode(tx: Tx, userId: string, code: string) {
  const [row] = await tx
    .select({ id: emailTokens.id, codeHash: emailTokens.codeHash })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, 'sign_in'),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .for('update');
  // With no live mail (or no account: the caller passes NO_ACCOUNT) the same hash,
  // compare and write still happen, so the time taken does not tell the cases apart.
  const expected = row?.codeHash ? Buffer.from(row.codeHash, 'hex') : hashCode(userId, '-');
  const matches = timingSafeEqual(expected, hashCode(userId, code)) && row !== undefined;
  await tx
    .update(emailTokens)
    .set(
      matches
        ? { usedAt: sql`now()` }
        : {
            codeAttempts: sql`${emailTokens.codeAttempts} + 1`,
            usedAt: sql`case when ${emailTokens.codeAttempts} + 1 >= ${SIGN_IN_CODE_ATTEMPTS}
              then now() end`,
          },
    )
    .where(eq(emailTokens.id, row?.id ?? NO_ACCOUNT));
  return matches;
}
