import { hash, verify } from '@node-rs/argon2';

import { normalizePassword } from '@/server/auth/password';

// The built-in provider's password hashes: argon2id at the library's defaults
// (19 MiB, 2 passes, OWASP's recommended minimum).

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password));
}

/** True for a hash this provider wrote (argon2id). */
export const isOwnHash = (passwordHash: string | null | undefined): passwordHash is string =>
  typeof passwordHash === 'string' && passwordHash.startsWith('$argon2id$');

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
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
