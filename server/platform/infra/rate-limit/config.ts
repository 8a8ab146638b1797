import { env } from '@/env';

/**
 * Every rate limit in one place. Production values are the literals below; tests
 * and local development may raise them all with RATE_LIMIT_MULTIPLIER.
 */
export type Tier = 'free' | 'pro' | 'enterprise';

export type LimitRule = {
  requests: number;
  windowSeconds: number;
  /** When the shared store is unreachable: let requests through, or refuse (503). */
  onStoreFailure: 'open' | 'closed';
};

const rule = (requests: number, windowSeconds: number, onStoreFailure: 'open' | 'closed') => ({
  requests: requests * env.RATE_LIMIT_MULTIPLIER,
  windowSeconds,
  onStoreFailure,
});

/** The global limit per identity, by plan tier; anonymous callers get the free tier per IP. */
export const TIER_LIMITS: Record<Tier, LimitRule> = {
  free: rule(100, 3_600, 'open'),
  pro: rule(1_000, 3_600, 'open'),
  enterprise: rule(10_000, 3_600, 'open'),
};

/**
 * Named limits. `health` replaces the global limit on health checks (so uptime
 * monitors are never starved by other traffic); the others apply on top of it, and
 * refuse rather than allow when the store is down, because they guard credentials
 * and money.
 */
export const NAMED_LIMITS = {
  health: rule(10, 60, 'open'),
  // Sign-in attempts per address, whatever the account (spraying many accounts).
  signIn: rule(5, 60, 'closed'),
  // Failed sign-ins, per account and address, and per account (sign-in-failures.ts).
  signInFailure: rule(5, 15 * 60, 'closed'),
  accountSignInFailure: rule(50, 60 * 60, 'closed'),
  // Past that ceiling, the one attempt a clean address gets, taken atomically.
  signInAfterCeiling: rule(1, 60 * 60, 'closed'),
  signUp: rule(5, 60, 'closed'),
  passwordReset: rule(5, 60, 'closed'),
  // Passwordless sign-in mails: per client address (as above), and per email address,
  // where the window is long because each mail lets its code be guessed a few times.
  emailSignIn: rule(5, 60, 'closed'),
  emailSignInPerEmail: rule(5, 15 * 60, 'closed'),
  // Wrong sign-in codes per email address, whatever the client address: with 5 wrong
  // codes per mail (email-tokens.ts), this bounds guesses at a million codes to 240 a day.
  emailCodeFailure: rule(10, 60 * 60, 'closed'),
  // Second-factor (TOTP or recovery) codes: attempts per caller, and wrong codes per
  // account, whatever the address: 5 wrong in 15 minutes lock the account's second
  // step until the window ends (sign-in-failures.ts).
  twoFactor: rule(10, 60, 'closed'),
  twoFactorFailure: rule(5, 15 * 60, 'closed'),
  // Passkey challenges handed out per client address (each is a row until answered).
  passkeyChallenge: rule(20, 60, 'closed'),
  // OAuth sign-in and linking: starts and callbacks per client address (each callback
  // spends a code at the provider and may create an account).
  oauth: rule(10, 60, 'closed'),
  apiKeyCreate: rule(10, 300, 'closed'),
  // Each invitation sends an email to an address the caller chose.
  invitation: rule(20, 60 * 60, 'closed'),
  organizationCreate: rule(10, 60 * 60, 'closed'),
  // Refused API keys per address: a client with a stale key sees 401s; a guesser, 429s.
  apiKeyFailure: rule(30, 60, 'open'),
  checkout: rule(3, 60, 'closed'),
  // Portal and confirm each call Stripe, whose rate limit the whole account shares.
  billing: rule(10, 60, 'closed'),
} satisfies Record<string, LimitRule>;

export type NamedLimit = keyof typeof NAMED_LIMITS;

/** How long one store call may take before the fail policy applies. */
export const STORE_TIMEOUT_MS = 300;
