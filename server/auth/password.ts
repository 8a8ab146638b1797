import { dictionary } from '@zxcvbn-ts/language-common';

import { AppError } from '@/server/platform/http/errors';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/*
 * Passwords per NIST SP 800-63B: at least 8 characters, no composition rules, a
 * generous maximum, and none of the most common passwords (zxcvbn's list of about
 * 50,000). The built-in provider hashes them (built-in/password-hash.ts); Supabase
 * Auth keeps its own, with these rules checked before they reach it.
 */

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

// The same password typed on different systems may arrive composed or decomposed.
export const normalizePassword = (password: string) => password.normalize('NFKC');

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...normalizePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (COMMON.has(password.toLowerCase()))
    return 'is one of the most common passwords; choose another';
  return null;
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
