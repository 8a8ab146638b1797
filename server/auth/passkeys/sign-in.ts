import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';
import { eq, sql } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { passkeys, type Passkey } from '@/db/schema/auth';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { startSignInSession } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';
import { AppError } from '@/server/platform/http/errors';

import {
  CHALLENGE_SECONDS,
  challengeOf,
  saveChallengeAsService,
  takeChallengeAsService,
} from './challenges';
import { userHandleOf } from './registration';
import type { RelyingParty } from './relying-party';
import type { authenticationResponse } from './schemas';

/** Who asks, for the audit row; and the session this browser had, ended as the new one starts. */
type RequestMeta = AuditContext & { replacesSessionId?: string };

/** Options for the browser to offer any passkey it holds for this domain (none named). */
export async function signInOptionsAsService(db: Database, party: RelyingParty) {
  const options = await generateAuthenticationOptions({
    rpID: party.id,
    userVerification: 'required',
    timeout: (CHALLENGE_SECONDS - 30) * 1000,
  });
  await withServiceRole(db, (tx) => saveChallengeAsService(tx, options.challenge, 'sign_in', null));
  return options;
}

/**
 * The new signature counter if the answer is a valid assertion by `key`: over a live
 * challenge, from this origin and domain, user verified, for the account the key
 * belongs to, and with a counter past the last one seen (a cloned authenticator's
 * lags behind; the library refuses it).
 */
async function verifiedCounter(
  key: Passkey,
  response: typeof authenticationResponse._output,
  challenge: string,
  party: RelyingParty,
) {
  const handle = response.response.userHandle;
  if (handle && handle !== userHandleOf(key.userId).toString('base64url')) return null;
  const verification = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(key.publicKey),
      counter: key.counter,
      transports: key.transports as AuthenticatorTransport[],
    },
    requireUserVerification: true,
  }).catch(() => null);
  return verification?.verified ? verification.authenticationInfo : null;
}

/**
 * Signs in whoever's passkey answered a live sign-in challenge. One transaction
 * takes the challenge, locks the passkey, checks and moves its counter on, and opens
 * the session; a refusal is thrown after the commit, so its audit row stays.
 */
export async function signInWithPasskeyAsService(
  db: Database,
  response: typeof authenticationResponse._output,
  party: RelyingParty,
  meta: RequestMeta,
) {
  const challenge = challengeOf(response.response.clientDataJSON);
  const session = await withServiceRole(db, async (tx) => {
    const taken = challenge ? await takeChallengeAsService(tx, challenge, 'sign_in') : null;
    const [key] = await tx
      .select()
      .from(passkeys)
      .where(eq(passkeys.credentialId, response.id))
      .for('update');
    const verified = taken && key ? await verifiedCounter(key, response, challenge!, party) : null;
    const reason = !taken ? 'unknown or used challenge' : !key ? 'unknown passkey' : 'not verified';
    await recordAuditEvent(
      tx,
      {
        actorId: key?.userId ?? null,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: key?.userId,
        success: Boolean(key && verified),
        details: { method: 'passkey', ...(key && verified ? { passkeyId: key.id } : { reason }) },
      },
      meta,
    );
    if (!key || !verified) return null;
    await tx
      .update(passkeys)
      .set({
        counter: verified.newCounter,
        backedUp: verified.credentialBackedUp,
        lastUsedAt: sql`now()`,
      })
      .where(eq(passkeys.id, key.id));
    return { userId: key.userId, ...(await startSignInSession(tx, key.userId, meta, 'passkey')) };
  });
  if (!session) throw new AppError('UNAUTHORIZED', said('passkeys.signInFailed'));
  return session;
}
