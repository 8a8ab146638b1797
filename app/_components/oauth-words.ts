/** The OAuth providers' own names, the same in every language. */
export const PROVIDER_NAMES = { github: 'GitHub', google: 'Google' } as const;
export type OAuthProviderName = keyof typeof PROVIDER_NAMES;

/** Why a flow ended without a session: `?oauth_error=` values, each a message under auth.oauth.errors. */
const OAUTH_ERRORS = [
  'cancelled',
  'invalidState',
  'failed',
  'unverifiedEmail',
  'identityTaken',
  'rateLimited',
  'unavailable',
  'notWhileViewing',
] as const;
export type OAuthErrorKey = (typeof OAUTH_ERRORS)[number];

/** The message key for a page's `oauth_error` parameter; null for anything else. */
export const oauthErrorKey = (value: unknown): OAuthErrorKey | null =>
  (OAUTH_ERRORS as readonly unknown[]).includes(value) ? (value as OAuthErrorKey) : null;
