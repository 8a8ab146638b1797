// The Google-shaped flavour: a real OpenID Connect provider (`oidc-provider`, an
// OpenID-certified implementation) mounted under /google, with a page to pick who
// signs in. Discovery, the code flow with PKCE, ID tokens and userinfo (with
// `email_verified`) are the library's, so the app's client meets the protocol as a
// real provider speaks it.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

import { signInPage } from './page';
import type { TestUser } from './users';
import { accountIdOf } from './users';

export const OIDC_PREFIX = '/google';

/** An account id that carries its user, so any address typed on the page can sign in. */
const accountIdFor = (user: TestUser) =>
  `${accountIdOf('google', user.email)}.${Buffer.from(JSON.stringify(user)).toString('base64url')}`;
const userOf = (accountId: string): TestUser | null => {
  try {
    return JSON.parse(Buffer.from(accountId.split('.')[1] ?? '', 'base64url').toString());
  } catch {
    return null;
  }
};

export async function googleProvider(options: {
  issuer: string;
  client: { id: string; secret: string };
  redirectUris: string[];
  chosenUser: (form: URLSearchParams) => TestUser | null;
  formOf: (request: IncomingMessage) => Promise<URLSearchParams>;
}) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [crypto.randomUUID()] },
    pkce: { required: () => true },
    // Short, as a code or a page left open should be; set, so the library need not warn.
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Grant: 600,
      Session: 3600,
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    async findAccount(_ctx, accountId) {
      const user = userOf(accountId);
      if (!user) return undefined;
      return {
        accountId,
        claims: async () => ({
          sub: accountId.split('.')[0]!,
          email: user.email,
          email_verified: user.verified,
          name: user.name,
        }),
      };
    },
  });
  const callback = provider.callback();

  /** The page, and its answer: a grant for the chosen user, or access_denied. */
  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      return response.end(
        signInPage('google', new URLSearchParams(), `${OIDC_PREFIX}/interaction/${uid}`),
      );
    }
    const user = options.chosenUser(await options.formOf(request));
    if (!user) {
      return provider.interactionFinished(request, response, { error: 'access_denied' });
    }
    const accountId = accountIdFor(user);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: false },
    );
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').slice(OIDC_PREFIX.length) || '/';
    const uid = /^\/interaction\/([\w-]+)$/.exec(path.split('?')[0]!)?.[1];
    if (uid) return interaction(request, response, uid);
    // Mounted as Express would mount it: the library routes on the rest of the URL and
    // finds its mount path (for redirects and cookie paths) from originalUrl.
    Object.assign(request, { originalUrl: request.url });
    request.url = path;
    return callback(request, response);
  };
}
