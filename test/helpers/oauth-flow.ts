import type { Database } from '@/db/types';
import { createOAuthHandlers } from '@/server/auth/oauth/routes';
import { pipelineDeps } from '@/server/pipeline-deps';

import { asNewCaller } from './accounts';

/** Who to be at the local identity provider: a fixed test user (0, 1, 2) or any address. */
export type PickedUser = number | { email: string; name?: string; verified: boolean };

const unescape = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity as 'amp'],
  );
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

  /**
   * The provider's answer to choosing `user` on its page: the callback URL it sends
   * the browser back to. Follows the provider's own redirects with its cookies, as a
   * browser would (the OpenID provider goes through an interaction page).
   */
  async function pick(authorizeUrl: string, user: PickedUser) {
    const jar = new Map<string, string>();
    const go = async (url: URL, init: RequestInit = {}) => {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { cookie } });
      for (const line of response.headers.getSetCookie()) {
        const [name, value] = line.split(';')[0]!.split('=') as [string, string];
        if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.set(name, value);
        else jar.delete(name);
      }
      return response;
    };
    const toApp = (url: URL) => url.pathname.startsWith('/auth/oauth/');
    let url = new URL(authorizeUrl);
    let response = await go(url);
    while (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      response = await go(url);
    }
    const html = await response.text();
    const firstForm = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
    const action = /action="([^"]+)"/.exec(firstForm)![1]!;
    const form = new URLSearchParams(
      [...firstForm.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)]
        .filter(([, name]) => name !== 'user')
        .map(([, name, value]) => [name!, unescape(value!)]),
    );
    if (typeof user === 'number') form.set('user', String(user));
    else {
      form.set('user', 'custom');
      form.set('email', user.email);
      form.set('name', user.name ?? user.email);
      if (user.verified) form.set('verified', 'yes');
    }
    url = new URL(action, url);
    response = await go(url, { method: 'POST', body: form });
    while (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      if (toApp(url)) return url;
      response = await go(url);
    }
    throw new Error(`provider answered ${response.status}`);
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
