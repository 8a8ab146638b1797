import { randomBytes, timingSafeEqual } from 'node:crypto';

import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
// One step either side: a phone's clock a little off, or a code typed as it turned.
const DRIFT_STEPS = 1;

export const newTotpSecret = () => new Uint8Array(randomBytes(20));

/** The key as typed by hand into an app (base32, in groups of four). */
export const manualKeyOf = (secret: Uint8Array) =>
  encodeBase32UpperCaseNoPadding(secret).replace(/(.{4})(?=.)/g, '$1 ');

export const keyUriOf = (secret: Uint8Array, issuer: string, account: string) =>
  createTOTPKeyURI(issuer, account, secret, TOTP_STEP_SECONDS, DIGITS);

export const currentStep = (now = Date.now()) => Math.floor(now / 1000 / TOTP_STEP_SECONDS);

/**
 * The time step whose code `code` is, within the drift allowed, or null. Each
 * candidate is compared in constant time; the caller refuses a step it already
 * accepted (replay). Checked by HOTP on the step itself, since the library's TOTP
 * check does not say which step matched.
 */
export function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = currentStep(now);
  let matched: number | null = null;
  for (let offset = -DRIFT_STEPS; offset <= DRIFT_STEPS; offset++) {
    const expected = generateHOTP(secret, BigInt(step + offset), DIGITS);
    // No early exit: every candidate costs the same, whichever matched.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) matched ??= step + offset;
  }
  return matched;
}

/** A code for `secret` at a time (tests and the e2e authenticator). */
export const totpCodeAt = (secret: Uint8Array, now = Date.now()) =>
  generateHOTP(secret, BigInt(currentStep(now)), DIGITS);
