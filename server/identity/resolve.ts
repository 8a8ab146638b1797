import type { Database } from '@/db/types';
import { AppError, platformWords } from '@/server/platform/http/errors';
import { isSameOrigin } from '@/server/platform/http/request-origin';
import type { RequestScope } from '@/server/platform/http/request-scope';

import { ANONYMOUS, type Identity } from './identity';

/**
 * One way of recognising a caller: an API key, the built-in session cookie, a
 * Supabase token. It answers null when the request carries none of its credential,
 * and throws (401) when it carries a bad one.
 */
export type Identifier = (
  request: Request,
  db: Database,
  scope: RequestScope | null,
) => Promise<Identity | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that changes state must come from our own pages. Browsers send
 * Sec-Fetch-Site (or at least Origin) on such requests; a client that sends
 * neither is not a browser, and so not a CSRF vector.
 */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin';
  // Browsers send Sec-Fetch-Site only to secure origins: over plain http at a LAN
  // address, Origin is all there is.
  const origin = request.headers.get('origin');
  return origin !== null && !isSameOrigin(request, origin);
}

/**
 * Step 2 of the pipeline: the first identifier that recognises the request decides
 * who calls; when none does, the caller is anonymous. Every cross-site write is
 * refused first, credential or not: that also stops a forged sign-in into an
 * attacker's account (login CSRF).
 */
export async function resolveIdentity(
  request: Request,
  db: Database,
  scope: RequestScope | null,
  identifiers: readonly Identifier[],
): Promise<Identity> {
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
    throw new AppError('FORBIDDEN', platformWords('crossSite'));
  }
  for (const identify of identifiers) {
    const identity = await identify(request, db, scope);
    if (identity) return identity;
  }
  return ANONYMOUS;
}
