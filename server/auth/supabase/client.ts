import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';

import type { SupabaseAuthConfig } from './config';

/**
 * supabase-js builds a realtime client as it is created, and on Node 20 (no global
 * WebSocket) that throws unless a transport is given. Auth never opens a socket;
 * this transport says so loudly if anything ever tries.
 */
class NoRealtimeTransport {
  constructor() {
    throw new Error('Realtime is not used on the server');
  }
}

/**
 * A Supabase client for one request, through @supabase/ssr: it reads the session
 * from the request's cookies and writes what Supabase Auth changes (sign-in,
 * refresh, sign-out) both back into this request's view and out as Set-Cookie
 * values, so a later call in the same request sees the new session.
 */
export function supabaseForRequest(
  config: SupabaseAuthConfig,
  request: { cookieHeader: string | null; secureCookies: boolean },
  setCookie: (value: string) => void,
) {
  const jar = new Map(
    parseCookieHeader(request.cookieHeader ?? '').map(({ name, value }) => [name, value ?? '']),
  );
  return createServerClient(config.url, config.publishableKey, {
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) {
          if (value) jar.set(name, value);
          else jar.delete(name);
          // httpOnly: no script of ours reads the session; only the server does.
          setCookie(
            serializeCookieHeader(name, value, {
              ...options,
              httpOnly: true,
              secure: request.secureCookies,
            }),
          );
        }
      },
    },
    realtime: { transport: NoRealtimeTransport as never },
  });
}

export type SupabaseForRequest = ReturnType<typeof supabaseForRequest>;
