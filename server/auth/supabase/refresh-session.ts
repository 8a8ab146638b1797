import { parseCookieHeader } from '@supabase/ssr';

import { servedOverHttps } from '@/server/platform/http/request-origin';

import { supabaseConfigFromEnv } from './config';

/**
 * For the proxy, before a page renders: when the Supabase access token is about to
 * expire, refresh it here, where the new cookies can still be written, both to the
 * response and to the request the page sees. A server component cannot set
 * cookies, and a refresh whose new tokens were dropped would end the session (the
 * old refresh token is spent). Returns the Set-Cookie values; none without
 * Supabase Auth or without a refresh.
 */
export async function refreshSupabaseSession(
  request: Request,
  forwarded: Headers,
  config = supabaseConfigFromEnv(),
) {
  if (!config) return [];
  // Loaded only under Supabase Auth, so other deployments never load supabase-js.
  const [{ supabaseForRequest }, { verifiedSupabaseClaims }] = await Promise.all([
    import('./client'),
    import('./verify-token'),
  ]);
  const setCookies: string[] = [];
  const supabase = supabaseForRequest(
    config,
    {
      cookieHeader: request.headers.get('cookie'),
      secureCookies: servedOverHttps(request),
    },
    (cookie) => setCookies.push(cookie),
  );
  await verifiedSupabaseClaims(supabase, config);
  if (setCookies.length > 0) {
    const jar = new Map(
      parseCookieHeader(request.headers.get('cookie') ?? '').map(({ name, value }) => [
        name,
        value ?? '',
      ]),
    );
    for (const cookie of setCookies) {
      const [{ name, value } = { name: '', value: '' }] = parseCookieHeader(cookie.split(';')[0]!);
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    forwarded.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  }
  return setCookies;
}
