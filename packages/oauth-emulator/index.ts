// A local identity provider standing in for GitHub and Google, so sign-in with either
// runs on a laptop and in e2e with no account. Google's flavour is a real OpenID
// Connect provider (oidc-provider, oidc.ts). GitHub is not OIDC, and no library plays
// its shape, so its flavour is small and written here (OAuth 2 plus /user and
// /user/emails), keeping the rules the app relies on: registered client, secret and
// redirect URI, PKCE S256, codes used once within a minute. Not part of the product:
// server.mjs starts it on a local app.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { googleProvider, OIDC_PREFIX } from './oidc';
import { signInPage } from './page';
import { accountIdOf, TEST_USERS, type TestUser } from './users';

type Flavour = 'github';

/** The one client the emulator knows; the app uses the same pair when pointed at it. */
export const LOCAL_CLIENT = { id: 'lean-saas-local', secret: 'lean-saas-local-secret' };
const CODE_TTL_MS = 60_000;

type Grant = {
  flavour: Flavour;
  redirectUri: string;
  challenge: string;
  user: TestUser;
  expiresAt: number;
};

export type OAuthEmulatorOptions = {
  port?: number;
  host?: string;
  client?: { id: string; secret: string };
  /** The app origins whose callbacks are registered; default http://localhost:3000. */
  appOrigins?: string[];
};

const random = () => randomBytes(24).toString('base64url');

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > 16_384) break;
  }
  return new URLSearchParams(raw);
}

function chosenUser(form: URLSearchParams): TestUser | null {
  const choice = form.get('user');
  if (choice === 'custom') {
    const email = form.get('email')?.trim().toLowerCase();
    if (!email?.includes('@')) return null;
    return { email, name: form.get('name') || email, verified: form.get('verified') === 'yes' };
  }
  return TEST_USERS[Number(choice)] ?? null;
}

/** Starts the emulator; `url` is its origin, each flavour under `/<flavour>/`. */
export async function startOAuthEmulator(options: OAuthEmulatorOptions = {}) {
  const client = options.client ?? LOCAL_CLIENT;
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, { flavour: Flavour; user: TestUser }>();

  const clientOf = (request: IncomingMessage, form: URLSearchParams) => {
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString().split(':');
      return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
    }
    return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
  };

  const origins = options.appOrigins ?? ['http://localhost:3000'];
  const callbacks = (id: string) => origins.map((origin) => `${origin}/auth/oauth/${id}/callback`);

  /** The authorization request must name our client, a registered callback and PKCE S256. */
  const authorizationError = (params: URLSearchParams) => {
    if (params.get('client_id') !== client.id) return 'unknown client_id';
    if (params.get('response_type') !== 'code') return 'response_type must be code';
    if (!callbacks('github').includes(params.get('redirect_uri') ?? '')) {
      return 'redirect_uri is not registered';
    }
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      return 'PKCE with S256 is required';
    }
    return null;
  };

  async function authorize(flavour: Flavour, request: IncomingMessage, response: ServerResponse) {
    const params =
      request.method === 'POST'
        ? await formOf(request)
        : new URL(request.url!, 'http://x').searchParams;
    const problem = authorizationError(params);
    if (problem) return send(response, 400, problem, 'text/plain');
    if (request.method === 'GET')
      return send(response, 200, signInPage(flavour, params), 'text/html');
    const back = new URL(params.get('redirect_uri')!);
    const state = params.get('state');
    if (state) back.searchParams.set('state', state);
    const user = chosenUser(params);
    if (!user) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = random();
      grants.set(code, {
        flavour,
        redirectUri: params.get('redirect_uri')!,
        challenge: params.get('code_challenge')!,
        user,
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  async function token(flavour: Flavour, request: IncomingMessage, response: ServerResponse) {
    const form = await formOf(request);
    const caller = clientOf(request, form);
    if (caller.id !== client.id || caller.secret !== client.secret) {
      return send(response, 401, { error: 'invalid_client' });
    }
    const code = form.get('code') ?? '';
    const grant = grants.get(code);
    // Used once: a replayed code finds nothing, as with the real providers.
    grants.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      !grant ||
      grant.flavour !== flavour ||
      grant.expiresAt < Date.now() ||
      grant.redirectUri !== form.get('redirect_uri') ||
      grant.challenge !== challenge
    ) {
      return send(response, 400, { error: 'invalid_grant' });
    }
    const accessToken = random();
    tokens.set(accessToken, { flavour, user: grant.user });
    send(response, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600 });
  }

  function resource(
    flavour: Flavour,
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
  ) {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const holder = bearer ? tokens.get(bearer) : undefined;
    if (!holder || holder.flavour !== flavour)
      return send(response, 401, { message: 'Bad credentials' });
    const { user } = holder;
    const id = accountIdOf(flavour, user.email);
    if (path === 'user') {
      // GitHub's public profile email is whatever the user chose to show: often null.
      return send(response, 200, {
        id: Number(id),
        login: user.email.split('@')[0],
        name: user.name,
        email: null,
      });
    }
    if (path === 'user/emails') {
      return send(response, 200, [
        { email: user.email, primary: true, verified: user.verified, visibility: 'private' },
      ]);
    }
    if (path === 'userinfo') {
      return send(response, 200, {
        sub: id,
        email: user.email,
        email_verified: user.verified,
        name: user.name,
      });
    }
    send(response, 404, { message: 'Not Found' });
  }

  // Set once the server listens (the OpenID provider's issuer names the port).
  const oidc: { handle?: (request: IncomingMessage, response: ServerResponse) => unknown } = {};
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    const fail = (error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: String(error) });
    };
    if (pathname === OIDC_PREFIX || pathname.startsWith(`${OIDC_PREFIX}/`)) {
      return Promise.resolve(oidc.handle?.(request, response)).catch(fail);
    }
    const [, flavour, ...rest] = pathname.split('/');
    const path = rest.join('/');
    if (flavour !== 'github') return send(response, 404, { error: 'not found' });
    const run =
      path === 'authorize' && (request.method === 'GET' || request.method === 'POST')
        ? authorize(flavour, request, response)
        : path === 'token' && request.method === 'POST'
          ? token(flavour, request, response)
          : Promise.resolve(resource(flavour, path, request, response));
    run.catch(fail);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  oidc.handle = await googleProvider({
    issuer: `${url}${OIDC_PREFIX}`,
    client,
    redirectUris: callbacks('google'),
    chosenUser,
    formOf,
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
