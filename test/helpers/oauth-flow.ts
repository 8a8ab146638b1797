import type { Database } from '@/db/types';
import { createOAuthHandlers } from '@/server/auth/oauth/routes';
import { pipelineDeps } from '@/server/pipeline-deps';

import { asNewCaller } from './accounts';

/** Who to be at the local identity provider: a fixed test user (0, 1, 2) or any address. */
export type PickedUser = number | { email: string; name?: string; verified: boolean };

const setCookies = (response: Response) => response.headers.getSetCookie();
const cookieNamed = (response: Response, name: string) =>
  setCookies(response)
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);

/**
 * Drives the OAuth flow as a browser would, in-process: the app's start handler,
 * the local identity provider's page (over HTTP), the app's callback handler.
 */
export function oauthBrowser(db: () => Database) {
  const handlers = createOAuthHandlers(pipelineDeps({ getDb: async () => db() }));
  const origin = 'http://localhost';

  async function start(provider: string, options: { cookie?: string; query?: string } = {}) {
    const headers = { ...asNewCaller(), ...(options.cookie ? { cookie: options.cookie } : {}) };
    const response = await handlers.start(
      new Request(`${origin}/auth/oauth/${provider}/start?${options.query ?? ''}`, { headers }),
    );
    return { response, flowCookie: cookieNamed(response, 'lean_oauth') };
  }

  /** The provider's answer to choosing `user` on its page: the callback URL it redirects to. */
  async function pick(authorizeUrl: string, user: PickedUser) {
    const url = new URL(authorizeUrl);
    const form = new URLSearchParams(url.searchParams);
    if (typeof user === 'number') form.set('user', String(user));
    else {
      form.set('user', 'custom');
      form.set('email', user.email);
      form.set('name', user.name ?? user.email);
      if (user.verified) form.set('verified', 'yes');
    }
    const answer = await fetch(`${url.origin}${url.pathname}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    if (answer.status !== 302) throw new Error(`provider answered ${answer.status}`);
    return new URL(answer.headers.get('location')!);
  }

  const callback = (callbackUrl: URL, cookie?: string) =>
    handlers.callback(
      new Request(`${origin}${callbackUrl.pathname}${callbackUrl.search}`, {
        headers: { ...asNewCaller(), ...(cookie ? { cookie } : {}) },
      }),
    );

  /** The whole flow; `cookie` is the browser's session cookie, if it has one. */
  async function signIn(
    provider: string,
    user: PickedUser,
    options: { cookie?: string; query?: string } = {},
  ) {
    const started = await start(provider, options);
    const back = await pick(started.response.headers.get('location')!, user);
    const cookie = [options.cookie, started.flowCookie].filter(Boolean).join('; ');
    const response = await callback(back, cookie);
    return {
      response,
      location: response.headers.get('location'),
      session: cookieNamed(response, 'lean_session'),
    };
  }

  return { start, pick, callback, signIn };
}
