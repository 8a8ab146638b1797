import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import { expect, test } from '@playwright/test';
import superjson from 'superjson';

import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

test('GET /api/v1/me is 401 without credentials', async ({ request }) => {
  const response = await request.get('/api/v1/me');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('UNAUTHORIZED');
});

test('cross-site writes with the session cookie change nothing (CSRF)', async ({
  request,
  baseURL,
}) => {
  const cookie = await signedInCookie(request, `csrf-${randomUUID()}@example.com`);

  const forged = await request.patch('/api/v1/me', {
    headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    data: { displayName: 'pwned' },
  });
  expect(forged.status()).toBe(403);

  // A well-formed tRPC call (superjson, as the app's client sends it) with only the
  // browser's Sec-Fetch-Site to give it away.
  const viaTrpc = await request.post('/api/trpc/me.update', {
    headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
    data: superjson.serialize({ displayName: 'pwned' }),
  });
  expect(viaTrpc.status()).toBe(403);

  // A text/plain body, as a cross-site <form> would send it: refused before anything
  // runs (415 from the adapter or 403 from the origin check), and nothing changes.
  const textPlain = await request.fetch('/api/v1/me', {
    method: 'PATCH',
    headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
    data: JSON.stringify({ displayName: 'pwned' }),
  });
  expect([403, 415]).toContain(textPlain.status());

  const me = await request.get('/api/v1/me', { headers: { cookie } });
  expect((await me.json()).data.displayName).toBeNull();

  const sameOrigin = await request.patch('/api/v1/me', {
    headers: { cookie, origin: baseURL!, 'sec-fetch-site': 'same-origin' },
    data: { displayName: 'Ada' },
  });
  expect(sameOrigin.status()).toBe(200);
});

test('sign-up answers alike for a new and a registered address (no enumeration)', async ({
  request,
}) => {
  const email = `twice-${randomUUID()}@example.com`;
  const data = { email, password: 'correct horse battery staple' };
  const first = await request.post('/api/v1/auth/sign-up', { data });
  const second = await request.post('/api/v1/auth/sign-up', { data });
  expect(first.status()).toBe(202);
  expect(second.status()).toBe(202);
  expect(first.headers()['set-cookie']).toBeUndefined();
  expect((await first.json()).data).toEqual((await second.json()).data);
});

/** A raw HTTP request with the Host a browser at another address would send. */
function postAs(
  baseURL: string,
  pathname: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; setCookie: string[] }> {
  const target = new URL(pathname, baseURL);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            setCookie: response.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

test('sign-in works opened at a LAN address over plain http; another origin is refused', async ({
  request,
  baseURL,
}) => {
  const email = `lan-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  const lanHost = `192.168.77.5:${new URL(baseURL!).port}`;
  const credentials = JSON.stringify({ email, password: E2E_PASSWORD });

  // What Chromium sends from http://<LAN IP>: an Origin, but no Sec-Fetch-Site.
  const sameOrigin = await postAs(
    baseURL!,
    '/api/v1/auth/sign-in',
    { host: lanHost, origin: `http://${lanHost}`, 'content-type': 'application/json' },
    credentials,
  );
  expect(sameOrigin.status).toBe(200);
  // A cookie the browser keeps over plain http: not Secure, not __Host-.
  expect(sameOrigin.setCookie.join()).toMatch(/^lean_session=/);
  expect(sameOrigin.setCookie.join()).not.toMatch(/Secure/);

  // JSON with an Origin and no Sec-Fetch-Site reaches the origin check itself, on
  // both adapters: it must be that check that refuses it.
  // tRPC's body is in superjson's format, so the call would otherwise succeed.
  const trpcCredentials = JSON.stringify(superjson.serialize(JSON.parse(credentials)));
  for (const [path, body] of [
    ['/api/v1/auth/sign-in', credentials],
    ['/api/trpc/auth.signIn', trpcCredentials],
  ] as const) {
    const crossSite = await postAs(
      baseURL!,
      path,
      { host: lanHost, origin: 'http://evil.example', 'content-type': 'application/json' },
      body,
    );
    expect(crossSite.status, path).toBe(403);
    expect(crossSite.setCookie).toEqual([]);
  }

  // What a cross-site <form> can send without a preflight: refused one way or another.
  for (const [contentType, body] of [
    ['text/plain', credentials],
    ['application/x-www-form-urlencoded', `email=${encodeURIComponent(email)}`],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n`,
    ],
  ]) {
    const crossSite = await postAs(
      baseURL!,
      '/api/v1/auth/sign-in',
      { host: lanHost, origin: 'http://evil.example', 'content-type': contentType! },
      body!,
    );
    expect([403, 415], contentType).toContain(crossSite.status);
    expect(crossSite.setCookie).toEqual([]);
  }
});
