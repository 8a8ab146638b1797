import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOCAL_CLIENT, startOAuthEmulator } from './index';

let emulator: Awaited<ReturnType<typeof startOAuthEmulator>>;
beforeAll(async () => {
  emulator = await startOAuthEmulator();
});
afterAll(() => emulator.close());

const verifier = 'v'.repeat(43);
const challenge = createHash('sha256').update(verifier).digest('base64url');
const redirectUri = 'http://localhost:3000/auth/oauth/github/callback';
const basic = (id = LOCAL_CLIENT.id, secret = LOCAL_CLIENT.secret) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** The code the provider hands back after choosing test user `user`. */
async function codeFor(flavour: string, user: string, extra: Record<string, string> = {}) {
  const form = new URLSearchParams({
    client_id: LOCAL_CLIENT.id,
    response_type: 'code',
    redirect_uri: redirectUri,
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    user,
    ...extra,
  });
  const answer = await fetch(`${emulator.url}/${flavour}/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const back = new URL(answer.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('state-123');
  return back.searchParams.get('code')!;
}

const exchange = (
  flavour: string,
  code: string,
  overrides: Record<string, string> = {},
  auth = basic(),
) =>
  fetch(`${emulator.url}/${flavour}/token`, {
    method: 'POST',
    headers: { authorization: auth, accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...overrides,
    }),
  });

describe('local identity provider', () => {
  it('shows a page to pick a test user, only for a PKCE request from its client', async () => {
    const query = new URLSearchParams({
      client_id: LOCAL_CLIENT.id,
      response_type: 'code',
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await fetch(`${emulator.url}/github/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Continue as Ada Lovelace');
    query.delete('code_challenge');
    expect((await fetch(`${emulator.url}/github/authorize?${query}`)).status).toBe(400);
  });

  it('GitHub flavour: token once, then /user and /user/emails with the verified flag', async () => {
    const code = await codeFor('github', '2');
    const tokens = await exchange('github', code);
    expect(tokens.status).toBe(200);
    const { access_token: accessToken } = await tokens.json();
    const headers = { authorization: `Bearer ${accessToken}` };
    const user = await (await fetch(`${emulator.url}/github/user`, { headers })).json();
    expect(typeof user.id).toBe('number');
    const emails = await (await fetch(`${emulator.url}/github/user/emails`, { headers })).json();
    expect(emails).toEqual([
      { email: 'mallory@example.com', primary: true, verified: false, visibility: 'private' },
    ]);
    expect((await exchange('github', code)).status).toBe(400);
  });

  it('Google flavour is an OpenID provider: discovery, then the code flow with PKCE', async () => {
    const discovery = await (
      await fetch(`${emulator.url}/google/.well-known/openid-configuration`)
    ).json();
    expect(discovery.issuer).toBe(`${emulator.url}/google`);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.claims_supported).toContain('email_verified');
    // Without PKCE the provider refuses the request (to the registered callback).
    const query = new URLSearchParams({
      client_id: LOCAL_CLIENT.id,
      response_type: 'code',
      redirect_uri: 'http://localhost:3000/auth/oauth/google/callback',
      scope: 'openid email',
    });
    const refused = await fetch(`${discovery.authorization_endpoint}?${query}`, {
      redirect: 'manual',
    });
    expect(refused.headers.get('location')).toContain('error=invalid_request');
  });

  it('refuses a wrong verifier, redirect URI, client secret or flavour', async () => {
    expect(
      (await exchange('github', await codeFor('github', '0'), { code_verifier: 'w'.repeat(43) }))
        .status,
    ).toBe(400);
    expect(
      (await exchange('github', await codeFor('github', '0'), { redirect_uri: `${redirectUri}x` }))
        .status,
    ).toBe(400);
    expect(
      (await exchange('github', await codeFor('github', '0'), {}, basic(LOCAL_CLIENT.id, 'wrong')))
        .status,
    ).toBe(401);
  });
});
