import { createHash, randomBytes } from 'node:crypto';

import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';

import { emailTokens, type EmailTokenPurpose } from '@/db/schema/email-tokens';
import type { Tx } from '@/db/types';

/** How long each kind of link works: reset links are short-lived, as OWASP advises. */
const TTL_MINUTES: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60,
  reset_password: 60,
  change_email: 24 * 60,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a one-time token for a mailed link, in the caller's (service)
 * transaction. Only the newest link of each purpose works: earlier unused ones go.
 */
export async function issueEmailToken(
  tx: Tx,
  userId: string,
  purpose: EmailTokenPurpose,
  newEmail?: string,
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
    newEmail: newEmail ?? null,
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
