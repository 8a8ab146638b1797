import { OAuth2Client } from 'arctic';

import type { OAuthProviderId } from '@/db/schema/auth';
import { env } from '@/env';
import { isLocal } from '@/server/platform/runtime/stand-ins';

/** What a provider says about the person who signed in there. */
export type OAuthProfile = {
  /** The provider's stable account id (never the address, which can change hands). */
  providerUserId: string;
  email: string | null;
  /** Whether the provider vouches that this person controls `email`. */
  emailVerified: boolean;
  name: string | null;
};

export type OAuthProvider = {
  id: OAuthProviderId;
  client: (redirectUri: string) => OAuth2Client;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: string[];
  profile: (accessToken: string) => Promise<OAuthProfile>;
};

// The pair the local identity provider (packages/oauth-emulator) knows: not a secret.
const LOCAL_CLIENT = { id: 'lean-saas-local', secret: 'lean-saas-local-secret' };
const PROFILE_TIMEOUT_MS = 5_000;

async function getJson<T>(url: string, accessToken: string): Promise<T> {
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: 'application/json',
      // GitHub refuses API calls without one.
      'User-Agent': 'lean-saas',
    },
    signal: AbortSignal.timeout(PROFILE_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

type Endpoints = { authorize: string; token: string; api: string };

/**
 * GitHub is OAuth 2, not OpenID Connect: the account id comes from /user, and the
 * address from /user/emails, the only place that says whether it is verified.
 */
const github = (at: Endpoints, credentials: { id: string; secret: string }): OAuthProvider => ({
  id: 'github',
  client: (redirectUri) => new OAuth2Client(credentials.id, credentials.secret, redirectUri),
  authorizationEndpoint: at.authorize,
  tokenEndpoint: at.token,
  scopes: ['read:user', 'user:email'],
  async profile(accessToken) {
    const [user, emails] = await Promise.all([
      getJson<{ id: number; name: string | null; login: string }>(`${at.api}/user`, accessToken),
      getJson<{ email: string; primary: boolean; verified: boolean }[]>(
        `${at.api}/user/emails`,
        accessToken,
      ),
    ]);
    const primary = emails.find((entry) => entry.primary) ?? null;
    return {
      providerUserId: String(user.id),
      email: primary?.email ?? null,
      emailVerified: primary?.verified === true,
      name: user.name ?? user.login,
    };
  },
});

/** Google is OpenID Connect: `sub` and `email_verified` from its userinfo endpoint. */
const google = (at: Endpoints, credentials: { id: string; secret: string }): OAuthProvider => ({
  id: 'google',
  client: (redirectUri) => new OAuth2Client(credentials.id, credentials.secret, redirectUri),
  authorizationEndpoint: at.authorize,
  tokenEndpoint: at.token,
  scopes: ['openid', 'email', 'profile'],
  async profile(accessToken) {
    const info = await getJson<{
      sub: string;
      email?: string;
      email_verified?: boolean | string;
      name?: string;
    }>(at.api, accessToken);
    return {
      providerUserId: info.sub,
      email: info.email ?? null,
      emailVerified: info.email_verified === true || info.email_verified === 'true',
      name: info.name ?? null,
    };
  },
});

const REAL: Record<OAuthProviderId, Endpoints> = {
  github: {
    authorize: 'https://github.com/login/oauth/authorize',
    token: 'https://github.com/login/oauth/access_token',
    api: 'https://api.github.com',
  },
  google: {
    authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
    token: 'https://oauth2.googleapis.com/token',
    api: 'https://openidconnect.googleapis.com/v1/userinfo',
  },
};

// GitHub's shape under /github; an OpenID provider (oidc-provider's routes) under /google.
const emulated = (base: string, id: OAuthProviderId): Endpoints =>
  id === 'github'
    ? {
        authorize: `${base}/github/authorize`,
        token: `${base}/github/token`,
        api: `${base}/github`,
      }
    : { authorize: `${base}/google/auth`, token: `${base}/google/token`, api: `${base}/google/me` };

const credentialsOf = (id: OAuthProviderId) =>
  id === 'github'
    ? { id: env.GITHUB_CLIENT_ID, secret: env.GITHUB_CLIENT_SECRET }
    : { id: env.GOOGLE_CLIENT_ID, secret: env.GOOGLE_CLIENT_SECRET };

/**
 * The provider as configured: its real endpoints with the app's credentials, else
 * on a local app the local identity provider server.mjs started, else null (the
 * button is not shown). A deployed app never talks to a stand-in.
 */
export function oauthProvider(id: OAuthProviderId): OAuthProvider | null {
  const make = id === 'github' ? github : google;
  const own = credentialsOf(id);
  if (own.id && own.secret) return make(REAL[id], { id: own.id, secret: own.secret });
  if (env.OAUTH_EMULATOR_URL && isLocal()) {
    return make(emulated(env.OAUTH_EMULATOR_URL.replace(/\/$/, ''), id), LOCAL_CLIENT);
  }
  return null;
}

/** Whether Supabase Auth keeps the accounts (and so runs OAuth itself). */
const supabaseAuth = () =>
  Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY);

/**
 * The providers whose buttons the pages show: with Supabase Auth, those enabled in
 * its dashboard (SUPABASE_OAUTH_PROVIDERS); else those our own client can reach.
 */
export const configuredOAuthProviders = (): OAuthProviderId[] =>
  supabaseAuth()
    ? [...new Set(env.SUPABASE_OAUTH_PROVIDERS)]
    : (['github', 'google'] as const).filter((id) => oauthProvider(id) !== null);

/** Whether our own client runs the flow for `id` (not Supabase, which runs its own). */
export const ownOAuthClient = (id: OAuthProviderId) => (supabaseAuth() ? null : oauthProvider(id));

/** The providers a signed-in user may connect from the profile (ours only: see README). */
export const linkableOAuthProviders = (): OAuthProviderId[] =>
  supabaseAuth() ? [] : configuredOAuthProviders();
