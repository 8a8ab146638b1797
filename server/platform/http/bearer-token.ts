import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time check of `Authorization: Bearer <token>` against the configured token. */
export function isBearerTokenValid(authorization: string | null, token: string): boolean {
  const presented = authorization?.match(/^Bearer (.+)$/)?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}
