import { AuthError } from './http';

const PASSWORD_MIN_LENGTH = 6; // GoTrue's default

/** GoTrue's checks of the fields its endpoints take, with its errors. */
export function requireEmail(value: unknown) {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!email) throw new AuthError(400, 'validation_failed', 'An email address is required');
  if (email.length > 255 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new AuthError(
      400,
      'validation_failed',
      'Unable to validate email address: invalid format',
    );
  }
  return email;
}

export function requireNewPassword(value: unknown) {
  if (typeof value !== 'string' || !value) {
    throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
  }
  if (value.length < PASSWORD_MIN_LENGTH) {
    throw new AuthError(
      422,
      'weak_password',
      `Password should be at least ${PASSWORD_MIN_LENGTH} characters.`,
      { weak_password: { reasons: ['length'] } },
    );
  }
  return value;
}
