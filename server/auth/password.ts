import { dictionary } from '@zxcvbn-ts/language-common';

import { AppError, type Words } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

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

/** Why a new password is refused, as the field's message and the error's summary. */
function problemWords(password: string, field: string): [Words, Words] | null {
  const length = [...normalizePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH) {
    const min = PASSWORD_MIN_LENGTH;
    return [
      said('auth.passwordTooShort', { min }),
      said('auth.passwordTooShortSummary', { field, min }),
    ];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    const max = PASSWORD_MAX_LENGTH;
    return [
      said('auth.passwordTooLong', { max }),
      said('auth.passwordTooLongSummary', { field, max }),
    ];
  }
  if (COMMON.has(password.toLowerCase())) {
    return [said('auth.passwordCommon'), said('auth.passwordCommonSummary', { field })];
  }
  return null;
}

/** Why a new password is refused (in English), or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  return problemWords(password, 'password')?.[0].text ?? null;
}

/** Throws the 400 that names the password field, or returns. */
export function assertPasswordAllowed(password: string, field: string) {
  const problem = problemWords(password, field);
  if (problem) {
    const [message, summary] = problem;
    throw new AppError('VALIDATION_FAILED', summary, { fields: [{ path: field, message }] });
  }
}

/** The 403 for a wrong current password (changing the password or the email). */
export const wrongCurrentPassword = () =>
  new AppError('FORBIDDEN', said('auth.wrongCurrentPassword'), {
    fields: [{ path: 'currentPassword', message: said('auth.wrongCurrentPassword') }],
  });
