import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { signedInCookie } from '../support/mailbox';

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

  // JSON to tRPC with only the browser's Sec-Fetch-Site to give it away.
  const viaTrpc = await request.post('/api/trpc/me.update', {
    headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
    data: { displayName: 'pwned' },
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
