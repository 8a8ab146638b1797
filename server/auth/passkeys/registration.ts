import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { passkeys } from '@/db/schema/auth';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { said } from '@/server/i18n/error-words';
import { AppError } from '@/server/platform/http/errors';

import {
  CHALLENGE_SECONDS,
  challengeOf,
  saveChallengeAsService,
  takeChallengeAsService,
} from './challenges';
import type { RelyingParty } from './relying-party';
import type { registrationResponse } from './schemas';

type Account = { userId: string; email: string };

/** The account id as WebAuthn's user handle: its 16 bytes, never the address. */
export const userHandleOf = (userId: string) => Buffer.from(userId.replaceAll('-', ''), 'hex');

/**
 * The options for the browser to make a passkey for `account`: a discoverable
 * credential (so sign-in needs no address typed), verified by the device's PIN or
 * biometrics, and none the account already has on that authenticator.
 */
export async function registrationOptionsAsService(
  db: Database,
  account: Account,
  party: RelyingParty,
) {
  const existing = await withServiceRole(db, (tx) =>
    tx
      .select({ id: passkeys.credentialId, transports: passkeys.transports })
      .from(passkeys)
      .where(eq(passkeys.userId, account.userId)),
  );
  const options = await generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    userName: account.email,
    userID: userHandleOf(account.userId),
    attestationType: 'none',
    timeout: (CHALLENGE_SECONDS - 30) * 1000,
    excludeCredentials: existing.map(({ id, transports }) => ({
      id,
      transports: transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await withServiceRole(db, (tx) =>
    saveChallengeAsService(tx, options.challenge, 'register', account.userId),
  );
  return options;
}

/**
 * Keeps the passkey a browser made, once its answer is verified against a live
 * challenge issued to this same account (taken, so it works once), this origin and
 * this domain, with the user verified on the device.
 */
export async function registerPasskeyAsService(
  db: Database,
  userId: string,
  input: { name: string; response: typeof registrationResponse._output },
  party: RelyingParty,
  audit: AuditContext,
) {
  const challenge = challengeOf(input.response.response.clientDataJSON);
  const taken = challenge
    ? await withServiceRole(db, (tx) => takeChallengeAsService(tx, challenge, 'register'))
    : null;
  if (!challenge || taken?.userId !== userId) {
    throw new AppError('BAD_REQUEST', said('passkeys.requestExpired'));
  }
  const verification = await verifyRegistrationResponse({
    response: input.response as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError('BAD_REQUEST', said('passkeys.refused'));
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  return withServiceRole(db, async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        userId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        multiDevice: credentialDeviceType === 'multiDevice',
        backedUp: credentialBackedUp,
        name: input.name,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id });
    if (!row) throw new AppError('CONFLICT', said('passkeys.alreadyRegistered'));
    await recordAuditEvent(
      tx,
      {
        actorId: userId,
        action: 'auth.passkey_added',
        resourceType: 'passkey',
        resourceId: row.id,
        details: { name: input.name },
      },
      audit,
    );
    return row;
  });
}
