import type { Database } from '@/db/types';
import type { RequestScope } from '@/server/platform/http/request-scope';

import type { OAuthProviderId } from '@/db/schema/auth';
import type { Identity } from '@/server/identity';

import type { OAuthOutcome } from './oauth/outcome';
import type { OAuthProfile } from './oauth/providers';

/** What a provider needs of the request it serves. */
export type AuthCall = {
  scope: RequestScope;
  db: Database;
  identity: Identity;
  /** The request's Cookie header, for providers that keep their session in cookies. */
  cookieHeader: string | null;
  /** The request's headers: a mail it causes speaks its language (localeOfRequest). */
  requestHeaders: Headers;
};

type SignedIn = Extract<Identity, { kind: 'user' }>;

/**
 * A sign-in's answer. With `secondFactorRequired`, the session cookie is set but signs
 * nobody in until the second factor (auth.twoFactor.verify) is proven.
 */
export type SignInResult = { userId: string; secondFactorRequired?: boolean };

/**
 * The account operations, whoever keeps the accounts: the built-in provider
 * (auth.users and user_sessions in our database) or Supabase Auth. Both end in the
 * same verified claims, and both set their cookies through the request scope.
 */
export type AuthProvider = {
  readonly kind: 'built-in' | 'supabase';
  /** Verified claims from the request's cookies, or anonymous. No query for a bad token. */
  identify(request: Request, db: Database, scope: RequestScope | null): Promise<Identity>;
  signUp(
    call: AuthCall,
    input: { email: string; password: string; displayName?: string },
  ): Promise<void>;
  signIn(call: AuthCall, input: { email: string; password: string }): Promise<SignInResult>;
  signOut(call: AuthCall): Promise<void>;
  confirmEmail(
    call: AuthCall,
    input: { token: string; type?: 'email' | 'email_change' },
  ): Promise<{ emailChanged: boolean }>;
  forgotPassword(call: AuthCall, input: { email: string }): Promise<void>;
  /** With `revokeApiKeys`, the account's API keys are revoked too. */
  resetPassword(
    call: AuthCall,
    input: { token: string; newPassword: string; revokeApiKeys: boolean },
  ): Promise<void>;
  changePassword(
    call: AuthCall & { identity: SignedIn },
    input: { currentPassword: string; newPassword: string },
  ): Promise<void>;
  changeEmail(
    call: AuthCall & { identity: SignedIn },
    input: { newEmail: string; currentPassword: string },
  ): Promise<void>;
  /** Mails a one-time sign-in link and code, if the address has an account; answers alike. */
  requestSignInEmail(call: AuthCall, input: { email: string }): Promise<void>;
  /** Signs in with the token of a mailed sign-in link (type: Supabase's link kind). */
  signInWithEmailLink(
    call: AuthCall,
    input: { token: string; type?: 'email' | 'magiclink' },
  ): Promise<SignInResult>;
  /** Signs in with an address and the code mailed to it. */
  signInWithEmailCode(
    call: AuthCall,
    input: { email: string; code: string },
  ): Promise<SignInResult>;
  /**
   * Signs in (or up) with an identity an OAuth provider vouched for, after our own
   * client checked state and PKCE and read the profile (server/auth/oauth/routes.ts).
   * Absent where the provider runs OAuth itself (Supabase Auth: supabase/oauth.ts).
   */
  signInWithOAuth?(
    call: AuthCall,
    input: { provider: OAuthProviderId; profile: OAuthProfile },
  ): Promise<OAuthOutcome>;
  /** Links such an identity to the signed-in account that started the flow. */
  linkOAuthIdentity?(
    call: AuthCall & { identity: SignedIn },
    input: { provider: OAuthProviderId; profile: OAuthProfile },
  ): Promise<OAuthOutcome>;
  /**
   * Where the provider runs OAuth itself (Supabase Auth): the URL to send the browser
   * to, and the callback's code exchange, which sets the session (null: refused).
   */
  startOAuth?(
    call: AuthCall,
    input: { provider: OAuthProviderId; redirectTo: string },
  ): Promise<string>;
  finishOAuth?(
    call: AuthCall,
    input: { provider: OAuthProviderId; code: string },
  ): Promise<{ userId: string } | null>;
  /** Ends every other session; the count when the provider tells it. */
  signOutOthers(call: AuthCall & { identity: SignedIn }): Promise<number | null>;
};
