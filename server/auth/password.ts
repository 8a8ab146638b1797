import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

import { AppError } from '@/server/platform/http/errors';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/*
 * Passwords per NIST SP 800-63B: at least 8 characters, no composition rules, a
 * generous maximum, and none of the most common passwords (zxcvbn's list of about
 * 50,000). Hashed with argon2id at the library's defaults (19 MiB, 2 passes,
 * OWASP's recommended minimum).
 */

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

// The same password typed on different systems may arrive composed or decomposed.
const normalize = (password: string) => password.normalize('NFKC');

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...normalize(password)].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (COMMON.has(password.toLowerCase()))
    return 'is one of the most common passwords; choose another';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password));
}

/** True for a hash this provider wrote (argon2id). */
export const isOwnHash = (passwordHash: string | null | undefined): passwordHash is string =>
  typeof passwordHash === 'string' && passwordHash.startsWith('$argon2id$');

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps sign-in's timing the same
// whether or not an account exists.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy password that matches nothing');
  return decoyHash;
}

/** Throws the 400 that names the password field, or returns. */
export function assertPasswordAllowed(password: string, field: string) {
  const problem = passwordProblem(password);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', `Invalid input: ${field} ${problem}`, {
      fields: [{ path: field, message: `Password ${problem}.` }],
    });
  }
}

// One message for every failed sign-in, so it never reveals whether an account exists.
export const SIGN_IN_FAILED = 'The email or password is incorrect.';

/** The 403 for a wrong current password (changing the password or the email). */
export const wrongCurrentPassword = () =>
  new AppError('FORBIDDEN', 'The current password is incorrect.', {
    fields: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
  });
