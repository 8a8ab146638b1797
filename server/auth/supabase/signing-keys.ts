import type { JWK } from '@supabase/supabase-js';

import type { SupabaseAuthConfig } from './config';

/** Keys are re-read after 10 minutes (as supabase-js does), and an unknown key id may
 * trigger a re-read at most every 30 seconds, so forged tokens cannot make us call out. */
const KEYS_TTL_MS = 10 * 60_000;
const UNKNOWN_KID_REFETCH_MS = 30_000;
const FETCH_TIMEOUT_MS = 2_000;

type KeySet = { keys: JWK[]; fetchedAt: number };

const keySets = new Map<string, KeySet>();

async function fetchKeySet(config: SupabaseAuthConfig): Promise<KeySet | null> {
  try {
    const response = await fetch(new URL('/auth/v1/.well-known/jwks.json', config.url), {
      headers: { apikey: config.publishableKey },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { keys?: JWK[] };
    const keySet = { keys: body.keys ?? [], fetchedAt: Date.now() };
    keySets.set(config.url, keySet);
    return keySet;
  } catch {
    return null;
  }
}

/**
 * The project's published signing key with this id, or null. Unknown ids are
 * refused here rather than left to supabase-js, which would re-fetch the key set
 * and then ask the Auth server about the token, for every forged request.
 */
export async function signingKeyFor(config: SupabaseAuthConfig, kid: string) {
  let keySet = keySets.get(config.url);
  const age = keySet ? Date.now() - keySet.fetchedAt : Infinity;
  const known = keySet?.keys.find((key) => key.kid === kid);
  if (known && age < KEYS_TTL_MS) return known;
  if (!known && age < UNKNOWN_KID_REFETCH_MS) return null;
  keySet = (await fetchKeySet(config)) ?? keySet;
  return keySet?.keys.find((key) => key.kid === kid) ?? null;
}
