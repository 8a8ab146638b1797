import { isIP } from 'node:net';

import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';
import { isLocal } from '@/server/platform/runtime/stand-ins';
import { said } from '@/server/i18n/error-words';

/** Whom passkeys are made for (WebAuthn's "relying party"): a domain and its origin. */
export type RelyingParty = { id: string; origin: string; name: string };

const NAME = 'Lean SaaS';
const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/**
 * A deployed app's passkeys belong to its public domain (APP_URL's), so one made
 * there works nowhere else. A local app answers at whatever host the browser used
 * (localhost, a LAN name), as its return URLs do; the browser itself vouches for
 * the origin it signs into each answer. WebAuthn takes no IP address as a relying
 * party, so at 127.0.0.1 there are no passkeys (the page says to use localhost).
 */
export function relyingPartyFor(headers: Headers): RelyingParty {
  if (!isLocal()) {
    const url = new URL(appUrl('/'));
    return { id: url.hostname, origin: url.origin, name: NAME };
  }
  const host = first(headers.get('x-forwarded-host')) ?? first(headers.get('host'));
  const protocol = first(headers.get('x-forwarded-proto')) === 'https' ? 'https' : 'http';
  let url: URL | null = null;
  try {
    url = host ? new URL(`${protocol}://${host}`) : null;
  } catch {
    url = null;
  }
  if (!url || isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    throw new AppError('BAD_REQUEST', said('passkeys.unavailableHere'));
  }
  return { id: url.hostname, origin: url.origin, name: NAME };
}
