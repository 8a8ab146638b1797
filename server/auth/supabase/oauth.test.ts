import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createOAuthHandlers } from '@/server/auth/oauth/routes';
import { pipelineDeps } from '@/server/pipeline-deps';
import { asNewCaller, newTestEmail } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';
import {
  startSupabaseAuthStandIn,
  type SupabaseAuthStandIn,
} from '@/test/fakes/supabase-auth-stand-in';

import type { AuthProvider } from '../provider';

import { supabaseAuthProvider } from './provider';

// With Supabase Auth the buttons run Supabase's own OAuth flow: the real @supabase/ssr
// against the Supabase Auth stand-in, which plays the provider's side too.
const shared = vi.hoisted(() => ({ env: {} as Record<string, unknown> }));
vi.mock('@/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/env')>();
  shared.env = { ...actual.env };
  return { env: shared.env };
});

let standIn: SupabaseAuthStandIn;
let provider: AuthProvider;
const { api, db } = testApi({ auth: () => provider });
const handlers = createOAuthHandlers(
  pipelineDeps({ getDb: async () => db(), auth: async () => provider }),
);

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({ db: db() });
  provider = supabaseAuthProvider({ url: standIn.url, publishableKey: standIn.publishableKey });
  Object.assign(shared.env, {
    NEXT_PUBLIC_SUPABASE_URL: standIn.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: standIn.publishableKey,
    SUPABASE_OAUTH_PROVIDERS: ['github'],
  });
});
afterAll(() => standIn.close());

const origin = 'http://localhost';
const get = (handler: (r: Request) => Promise<Response>, path: string, cookie = '') =>
  handler(new Request(`${origin}${path}`, { headers: { ...asNewCaller(), cookie } }));

/** Start, then the provider's side at the stand-in: the callback path and the browser's cookies. */
async function throughSupabase(email: string) {
  const started = await get(handlers.start, '/auth/oauth/github/start?next=/dashboard/profile');
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get('location')!);
  expect(authorize.pathname).toBe('/auth/v1/authorize');
  expect(authorize.searchParams.get('provider')).toBe('github');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('s256');
  authorize.searchParams.set('stand_in_email', email);
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location')!);
  return { path: `${callback.pathname}${callback.search}`, cookies: cookieHeaderFrom(started) };
}

describe('OAuth with Supabase Auth', () => {
  it('signs in through Supabase with PKCE, and returns to a path on the app', async () => {
    const email = newTestEmail();
    const { path, cookies } = await throughSupabase(email);
    const done = await get(handlers.callback, path, cookies);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/dashboard/profile');
    const session = cookieHeaderFrom(done, cookies);
    const me = await api.rest('/me', { headers: { cookie: session, ...asNewCaller() } });
    expect(me.status).toBe(200);
    expect((await me.json()).data.email).toBe(email);
    // Supabase keeps the identities: ours lists none, and says nothing about a password.
    const listed = await api.rest('/me/identities', {
      headers: { cookie: session, ...asNewCaller() },
    });
    expect((await listed.json()).data).toEqual({ identities: [], hasPassword: null });

    // The code is spent: replayed with the same cookies, it signs nobody in.
    const replay = await get(handlers.callback, path, cookies);
    expect(replay.headers.get('location')).toBe('/sign-in?oauth_error=failed');
  });

  it('refuses a code brought to a browser that did not start the flow (no verifier)', async () => {
    const { path, cookies } = await throughSupabase(newTestEmail());
    const flowOnly = cookies
      .split('; ')
      .filter((pair) => pair.startsWith('lean_oauth='))
      .join('; ');
    expect((await get(handlers.callback, path, flowOnly)).headers.get('location')).toBe(
      '/sign-in?oauth_error=failed',
    );
    expect((await get(handlers.callback, path)).headers.get('location')).toBe(
      '/sign-in?oauth_error=invalidState',
    );
  });

  it('offers no linking from the profile (Supabase links identities by its own rules)', async () => {
    const started = await get(handlers.start, '/auth/oauth/github/start?link=1');
    expect(started.headers.get('location')).toBe('/dashboard/profile?oauth_error=unavailable');
    const google = await get(handlers.start, '/auth/oauth/google/start');
    expect(google.headers.get('location')).toBe('/sign-in?oauth_error=unavailable');
  });
});
