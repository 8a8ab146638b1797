import { and, eq, gt, lt, sql } from 'drizzle-orm';

import { passkeyChallenges } from '@/db/schema/auth';
import type { Tx } from '@/db/types';

/** How long a browser has to answer a challenge: the ceremony's own timeout, and a little. */
export const CHALLENGE_SECONDS = 300;

/** Keeps a challenge until its answer takes it; expired ones are swept on the way. */
export async function saveChallengeAsService(
  tx: Tx,
  challenge: string,
  purpose: 'register' | 'sign_in',
  userId: string | null,
) {
  await tx.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, sql`now()`));
  await tx.insert(passkeyChallenges).values({
    challenge,
    purpose,
    userId,
    expiresAt: sql`now() + make_interval(secs => ${CHALLENGE_SECONDS})`,
  });
}

/**
 * Takes a live challenge for its one answer: deleted in the same statement, so two
 * answers racing with it cannot both have it. Null when unknown, used or expired.
 */
export async function takeChallengeAsService(
  tx: Tx,
  challenge: string,
  purpose: 'register' | 'sign_in',
) {
  const [taken] = await tx
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.purpose, purpose),
        gt(passkeyChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passkeyChallenges.userId });
  return taken ?? null;
}

/**
 * The challenge a browser's answer says it signed: read from its clientDataJSON, so
 * that the row can be found; the library then checks the answer against it.
 */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && challenge.length <= 512 ? challenge : null;
  } catch {
    return null;
  }
}
