import type { RequestScope } from '@/server/platform/http/request-scope';
import { checkLimit } from './check';
import { NAMED_LIMITS } from './config';
import { emailLimitKey, ipKey, refuse, remember } from './enforce';
import { rateLimitStore } from './store';

/**
 * Failed sign-ins, counted so that they slow a guesser without handing anyone a
 * way to lock an owner out (a limit per email on every attempt did: five wrong
 * passwords from anywhere shut the owner out everywhere, again and again).
 *
 * - Per account and address: 5 failures in 15 minutes, then that address may not
 *   try that account again, even with the right password, until the window ends
 *   (windows are clock-aligned, so a burst across a window's end gets up to 10).
 *   Letting the right password through would let the guesser go on guessing and
 *   read a success from the 200; the owner is not stuck, any other address works.
 * - Per account: 50 failures an hour, from all addresses. Above it, an address that
 *   has already failed on this account in its window is refused; one that has not
 *   gets one attempt (taken atomically, so a burst of parallel requests is one). So
 *   the owner, from any address they have not mistyped on, signs in at once, while
 *   each new address a guesser brings buys one guess, not five.
 *
 * Only failures count, so the owner's own sign-ins use up nothing; and buckets are
 * keyed by the hashed address whether or not an account has it, so the counting
 * says nothing about who is registered. (The limit on attempts per address, in the
 * pipeline, still bounds how many accounts one address can try.)
 */
const pairKey = (email: string, clientIp: string | null) =>
  `${emailLimitKey(email)}:${ipKey(clientIp)}`;

/** Refuses (429) when this address, or this account above its ceiling, may not try now. */
export async function assertSignInAllowed(scope: RequestScope, email: string) {
  const store = rateLimitStore();
  const pair = await checkLimit(
    store,
    'signInFailure',
    NAMED_LIMITS.signInFailure,
    pairKey(email, scope.clientIp),
    scope,
    'peek',
  );
  if (!pair.allowed) {
    remember(scope, pair);
    refuse(pair);
  }
  if (pair.degraded) return;
  const account = await checkLimit(
    store,
    'accountSignInFailure',
    NAMED_LIMITS.accountSignInFailure,
    emailLimitKey(email),
    scope,
    'peek',
  );
  if (account.allowed) return;
  // Past the account's ceiling: an address that failed here before is refused, and
  // a clean one gets one attempt, consumed before the password is checked, so that
  // parallel requests cannot all count as its first.
  const once =
    pair.remaining === pair.limit
      ? await checkLimit(
          store,
          'signInAfterCeiling',
          NAMED_LIMITS.signInAfterCeiling,
          pairKey(email, scope.clientIp),
          scope,
        )
      : null;
  if (!once?.allowed) {
    // Free again once either this address's failures or the account's age out.
    const refusal = { ...account, resetAt: Math.min(account.resetAt, pair.resetAt) };
    remember(scope, refusal);
    refuse(refusal);
  }
}

/** Counts one failed sign-in (wrong password or unknown address) from this address. */
export async function recordFailedSignIn(scope: RequestScope, email: string) {
  const store = rateLimitStore();
  await Promise.all([
    checkLimit(
      store,
      'signInFailure',
      NAMED_LIMITS.signInFailure,
      pairKey(email, scope.clientIp),
      scope,
    ),
    checkLimit(
      store,
      'accountSignInFailure',
      NAMED_LIMITS.accountSignInFailure,
      emailLimitKey(email),
      scope,
    ),
  ]);
}

/** A count of wrong codes: peeked before a code is checked, taken when it was wrong. */
type CodeFailures = 'emailCodeFailure' | 'twoFactorFailure';

async function assertUnderFailureLimit(scope: RequestScope, name: CodeFailures, key: string) {
  const decision = await checkLimit(rateLimitStore(), name, NAMED_LIMITS[name], key, scope, 'peek');
  if (!decision.allowed) {
    remember(scope, decision);
    refuse(decision);
  }
}

const countFailure = (scope: RequestScope, name: CodeFailures, key: string) =>
  checkLimit(rateLimitStore(), name, NAMED_LIMITS[name], key, scope);

/**
 * Wrong sign-in codes count per email address, from anywhere: a code is six digits,
 * so a guesser's many client addresses must not add up to many more guesses. This
 * can shut the owner out of signing in by code for up to an hour; the link in the
 * same mail, and the password, still work (they do not pass through here).
 */
export const assertCodeAllowed = (scope: RequestScope, email: string) =>
  assertUnderFailureLimit(scope, 'emailCodeFailure', emailLimitKey(email));

/** Counts one wrong (or expired, or unknown-address) sign-in code. */
export async function recordFailedCode(scope: RequestScope, email: string) {
  await countFailure(scope, 'emailCodeFailure', emailLimitKey(email));
}

/**
 * Wrong second-factor codes count per account, from anywhere: whoever reaches this
 * step already has the password (or a mail), and a six-digit code must not meet
 * more guesses than the limit. The owner locked out meanwhile still has their
 * recovery codes after the window, and should change the password.
 */
export const assertSecondFactorAllowed = (scope: RequestScope, userId: string) =>
  assertUnderFailureLimit(scope, 'twoFactorFailure', `user:${userId}`);

/** Counts one wrong second-factor code against the account. */
export async function recordFailedSecondFactor(scope: RequestScope, userId: string) {
  await countFailure(scope, 'twoFactorFailure', `user:${userId}`);
}
