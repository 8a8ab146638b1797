import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { env } from '@/env';
import { isLocal } from '@/server/platform/runtime/stand-ins';

/**
 * AES-256-GCM for the TOTP secrets, so that a copy of the database (a backup, a
 * read replica, a leaked dump) does not hand out second factors. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url): the version lets a later key rotation
 * tell old rows apart. The user id is the associated data, so a ciphertext copied
 * onto another account's row does not decrypt.
 */
const VERSION = 'v1';

function key(): Buffer {
  if (env.TWO_FACTOR_ENCRYPTION_KEY) return Buffer.from(env.TWO_FACTOR_ENCRYPTION_KEY, 'base64');
  // Startup refuses a deployed app without the key (stand-ins.ts); this is the second
  // line. Locally the database sits on the same laptop as any key would, so a fixed
  // development key protects nothing less and needs no setup.
  if (!isLocal()) throw new Error('TWO_FACTOR_ENCRYPTION_KEY is not set');
  return createHash('sha256').update('lean-saas local two-factor key').digest();
}

export function sealSecret(secret: Uint8Array, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function openSecret(stored: string, userId: string): Uint8Array {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return new Uint8Array(
    Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]),
  );
}
