/**
 * The password lengths NIST SP 800-63B asks for, apart from password.ts so that the
 * browser can check them from the same schemas without loading argon2.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
