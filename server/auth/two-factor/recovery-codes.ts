import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: a code is read off paper and typed back.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/** `XXXX-XXXX-XXXX`, about 59 bits of randomness each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
    return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
  });
}

/** What a person typed, as generated: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (input: string) =>
  input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(.{4})(?=.)/g, '$1-');

export const looksLikeRecoveryCode = (input: string) =>
  /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(normalizeRecoveryCode(input));

/**
 * SHA-256, not a slow password hash: the codes are random with ~59 bits each, so
 * there is no dictionary to run through a fast hash; guessing online is bounded by
 * the attempt limit. Bound to the account so equal hashes never link two accounts.
 */
export const hashRecoveryCode = (userId: string, code: string) =>
  createHash('sha256')
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
