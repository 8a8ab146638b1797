import { timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

import { OAUTH_PROVIDERS } from '@/db/schema/auth';
import { cookieValues } from '@/server/platform/http/cookies';

/**
 * What a started OAuth flow keeps until its callback: the `state` it sent, the PKCE
 * verifier, where to go afterwards, and whether it links an identity to the account
 * that started it. httpOnly (no script reads the verifier), SameSite=Lax (it comes
 * back on the provider's top-level redirect, never on a cross-site POST), ten minutes,
 * `__Host-` wherever cookies are Secure. Read once: every callback clears it.
 */
export const FLOW_COOKIE = '__Host-lean_oauth';
export const LOCAL_FLOW_COOKIE = 'lean_oauth';
export const FLOW_SECONDS = 600;

const flowSchema = z.object({
  provider: z.enum(OAUTH_PROVIDERS),
  state: z.string().min(20),
  verifier: z.string().min(43),
  next: z.string(),
  /** Set when a signed-in user links: only that user's callback may complete it. */
  linkFor: z.string().uuid().nullable(),
});
export type OAuthFlow = z.infer<typeof flowSchema>;

const nameOf = (secure: boolean) => (secure ? FLOW_COOKIE : LOCAL_FLOW_COOKIE);

const cookie = (value: string, maxAge: number, secure: boolean) =>
  [
    `${nameOf(secure)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');

export const flowCookie = (flow: OAuthFlow, secure: boolean) =>
  cookie(Buffer.from(JSON.stringify(flow)).toString('base64url'), FLOW_SECONDS, secure);

export const clearedFlowCookie = (secure: boolean) => cookie('', 0, secure);

/** The flow this browser started, or null: none, two (one planted), or malformed. */
export function flowFrom(cookieHeader: string | null, secure: boolean): OAuthFlow | null {
  const values = cookieValues(cookieHeader, nameOf(secure)).filter(Boolean);
  if (values.length !== 1) return null;
  try {
    const parsed = flowSchema.safeParse(
      JSON.parse(Buffer.from(values[0]!, 'base64url').toString()),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function sameState(expected: string, received: string | null): boolean {
  if (!received) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Where to go after sign-in: a path on this app only. Resolved as a browser would,
 * so `//evil.example`, `/\evil.example` and `/%09/evil.example` all fall back.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/dashboard'): string {
  if (!next?.startsWith('/')) return fallback;
  const base = 'http://app.invalid';
  try {
    const target = new URL(next, base);
    return target.origin === base ? `${target.pathname}${target.search}${target.hash}` : fallback;
  } catch {
    return fallback;
  }
}
