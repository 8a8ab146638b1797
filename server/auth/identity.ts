import { ANONYMOUS_CLAIMS, type Claims } from '@/db/rls';
import type { Database } from '@/db/types';
import { apiKeyFrom, identifyByApiKey } from '@/server/api-keys/verify';
import { AppError } from '@/server/platform/errors';
import { isSameOrigin, servedOverHttps } from '@/server/platform/request-origin';
import type { RequestScope } from '@/server/platform/request-scope';

import { ROLE_PERMISSIONS, type Permission } from './permissions';
import type { AuthProvider } from './provider';
import { sessionTokenFrom } from './session-token';
import { findSessionAsService } from './sessions';

export type { Permission } from './permissions';

/** Who is calling, as the pipeline's authentication step established it. */
export type Identity =
  | { kind: 'anonymous'; claims: Claims }
  | {
      kind: 'user';
      userId: string;
      /** Set when the caller signed in with a session (the built-in provider). */
      sessionId?: string;
      /** Set when the caller authenticated with an API key rather than a session. */
      apiKeyId?: string;
      claims: Claims;
      permissions: readonly Permission[];
    };

export const ANONYMOUS: Identity = { kind: 'anonymous', claims: ANONYMOUS_CLAIMS };

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
 * Step 2 of the pipeline: an API key, or the provider's session cookies, become
 * verified claims; otherwise the caller is anonymous. Every cross-site write is refused first,
 * cookie or not: that also stops a forged sign-in into an attacker's account
 * (login CSRF).
 */
export async function resolveIdentity(
  request: Request,
  db: Database,
  provider: AuthProvider,
  scope: RequestScope | null,
): Promise<Identity> {
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
    throw new AppError('FORBIDDEN', 'Cross-site requests are not accepted.');
  }
  // A request that carries an API key is that key's, whatever cookies it has.
  const apiKey = apiKeyFrom(request.headers);
  if (apiKey) return identifyByApiKey(apiKey, db, scope);
  return provider.identify(request, db, scope);
}

/** The built-in provider's session cookie, looked up by its hash. */
export async function identifyBySessionCookie(request: Request, db: Database): Promise<Identity> {
  const secure = servedOverHttps(request);
  const token = sessionTokenFrom(request.headers.get('cookie'), secure);
  if (!token) return ANONYMOUS;
  const session = await findSessionAsService(db, token);
  if (!session) return ANONYMOUS;
  return {
    kind: 'user',
    userId: session.userId,
    sessionId: session.id,
    claims: {
      sub: session.userId,
      role: 'authenticated',
      email: session.email ?? undefined,
      email_verified: session.emailConfirmedAt !== null,
      session_id: session.id,
    },
    permissions: ROLE_PERMISSIONS[session.role],
  };
}
