import { createHash, randomBytes } from 'node:crypto';

import { cookieValues } from '@/server/platform/http/cookies';

/**
 * `__Host-` (Secure, no Domain, Path=/) wherever cookies are Secure, so a sibling
 * subdomain cannot plant a session cookie of its own; the plain name only on
 * plain-http localhost, where browsers refuse Secure cookies.
 */
export const SESSION_COOKIE = '__Host-lean_session';
export const LOCAL_SESSION_COOKIE = 'lean_session';

export const sessionCookieName = (secure: boolean) =>
  secure ? SESSION_COOKIE : LOCAL_SESSION_COOKIE;

/** 256 random bits, URL-safe; the cookie's value. Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session token from a Cookie header: exactly one cookie of the expected name,
 * of the right shape. Two of them means someone planted one, so neither is used.
 */
export function sessionTokenFrom(cookieHeader: string | null, secure: boolean): string | null {
  const values = cookieValues(cookieHeader, sessionCookieName(secure));
  return values.length === 1 && TOKEN_PATTERN.test(values[0]!) ? values[0]! : null;
}

function cookieWith(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * httpOnly (no script can read it), SameSite=Lax (not sent on cross-site POSTs),
 * Secure everywhere but plain-http localhost, where browsers would drop it.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return cookieWith(sessionCookieName(secure), token, maxAgeSeconds, secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/**
 * While an admin views the product as a user, the browser's session cookie holds
 * that view, and this one the admin's own session, to go back to when they stop.
 */
const impersonatorCookieName = (secure: boolean) =>
  secure ? '__Host-lean_impersonator' : 'lean_impersonator';

export const impersonatorCookie = (token: string, maxAgeSeconds: number, secure: boolean) =>
  cookieWith(impersonatorCookieName(secure), token, maxAgeSeconds, secure);

export function impersonatorTokenFrom(cookieHeader: string | null, secure: boolean) {
  const values = cookieValues(cookieHeader, impersonatorCookieName(secure));
  return values.length === 1 && TOKEN_PATTERN.test(values[0]!) ? values[0]! : null;
}
