import type { APIRequestContext, BrowserContext } from '@playwright/test';

export const E2E_PASSWORD = 'correct horse battery staple';

/**
 * The first link of the newest mail to `to` with `subject`, read off the dev mailbox
 * page. Mail goes out after the response (Next's after()), so the page is read
 * again for a few seconds until it shows.
 */
export async function linkFromMailbox(request: APIRequestContext, to: string, subject: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const html = await (await request.get('/dev/mailbox')).text();
    const article = html
      .split('<article')
      .find((part) => part.includes(`Email to ${to}: ${subject}`));
    const href = article?.match(/href="(https?:\/\/[^"]+)"/)?.[1];
    if (href) return new URL(href.replaceAll('&amp;', '&'));
    if (Date.now() > deadline) throw new Error(`no "${subject}" mail to ${to} in the dev mailbox`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs up through the API, confirms through the mailed link, signs in: the session cookie. */
export async function signedInCookie(request: APIRequestContext, email: string) {
  await request.post('/api/v1/auth/sign-up', { data: { email, password: E2E_PASSWORD } });
  const link = await linkFromMailbox(request, email, 'Confirm your email address');
  await request.post('/api/v1/auth/verify-email', {
    data: { token: link.searchParams.get('token') },
  });
  const signIn = await request.post('/api/v1/auth/sign-in', {
    data: { email, password: E2E_PASSWORD },
  });
  if (signIn.status() !== 200) throw new Error(`sign-in answered ${signIn.status()}`);
  return signIn.headers()['set-cookie']!.split(';')[0]!;
}

/** Puts a session cookie (`name=value`, as signedInCookie returns it) into the browser. */
export async function addSessionCookie(context: BrowserContext, cookie: string, url: string) {
  // The value may itself contain '=': split at the first one only.
  const split = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url }]);
}
