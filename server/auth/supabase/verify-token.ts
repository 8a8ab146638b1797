import type { Claims } from '@/db/rls';

import type { SupabaseForRequest } from './client';
import type { SupabaseAuthConfig } from './config';
import { signingKeyFor } from './signing-keys';

// The asymmetric algorithms supabase-js verifies locally. A symmetric (HS*) or
// unsigned token, or one without a key id, would make getClaims ask the Auth server
// instead; we refuse those outright.
const ASYMMETRIC_ALGORITHMS = new Set(['ES256', 'RS256']);

function decodeSegment(segment: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * What getClaims does not check: the algorithm and key id, the audience, the
 * issuer and the role. Cheap, local, and done before any signature work.
 */
function plausibleClaims(token: string, config: SupabaseAuthConfig) {
  const [header, payload] = token.split('.').map(decodeSegment);
  if (!header || !payload) return null;
  if (!ASYMMETRIC_ALGORITHMS.has(String(header.alg)) || typeof header.kid !== 'string') return null;
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes('authenticated')) return null;
  if (payload.iss !== new URL('/auth/v1', config.url).toString()) return null;
  if (payload.role !== 'authenticated' || typeof payload.sub !== 'string') return null;
  return { kid: header.kid };
}

/**
 * The verified claims of the session in the request's cookies, or null. The
 * signature and expiry are checked by getClaims against the project's published
 * keys (cached, see signing-keys.ts), so no network call is made per request; a
 * refresh happens only when the access token is about to expire.
 */
export async function verifiedSupabaseClaims(
  supabase: SupabaseForRequest,
  config: SupabaseAuthConfig,
): Promise<Claims | null> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  const plausible = token ? plausibleClaims(token, config) : null;
  if (!token || !plausible) return null;
  const key = await signingKeyFor(config, plausible.kid);
  if (!key) return null;
  try {
    // Given the key, getClaims checks the signature and expiry without a request.
    const { data: verified, error } = await supabase.auth.getClaims(token, { keys: [key] });
    if (error || !verified) return null;
    const claims = verified.claims;
    return {
      sub: claims.sub,
      role: 'authenticated',
      email: typeof claims.email === 'string' ? claims.email : undefined,
      session_id: typeof claims.session_id === 'string' ? claims.session_id : undefined,
      email_verified: claims.user_metadata?.email_verified === true || undefined,
    };
  } catch {
    // getClaims throws (rather than returning an error) on some malformed headers.
    return null;
  }
}
