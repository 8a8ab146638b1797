import { env } from '@/env';
import { AppError, platformWords } from '@/server/platform/http/errors';

import type { Identity } from './identity';

/** How long a proven second factor counts for sensitive actions (step-up): 10 minutes unless set. */
const stepUpWindowMs = () => env.TWO_FACTOR_STEP_UP_SECONDS * 1000;

/**
 * Before a sensitive action (an API key, a new email or password, a role change, the
 * billing portal, turning 2FA off): a session of an account with two-factor
 * authentication must have proven it within the window, else 403 STEP_UP_REQUIRED,
 * which the dashboard answers by asking for a code and retrying. API keys and
 * Supabase sessions carry no `secondFactor` and pass (a key is not a sign-in; for
 * Supabase see the README's two-factor section).
 */
export function requireRecentSecondFactor(identity: Identity, now = Date.now()) {
  if (identity.kind !== 'user') return;
  // An admin viewing as the user holds no factor of theirs: no sensitive action at all.
  if (identity.impersonatorId) {
    throw new AppError('FORBIDDEN', platformWords('notWhileImpersonating'));
  }
  if (!identity.secondFactor?.enabled) return;
  const at = identity.secondFactor.verifiedAt?.getTime() ?? 0;
  if (now - at <= stepUpWindowMs()) return;
  throw new AppError('STEP_UP_REQUIRED', platformWords('stepUpRequired'));
}

/**
 * The admin area's rule: with ADMIN_REQUIRE_2FA (the default) an admin's session
 * must belong to an account with two-factor authentication on (and, being a
 * session, has proven it: pending sessions are anonymous). Built-in sessions only.
 */
export function adminLacksSecondFactor(
  identity: Identity,
  required: boolean = env.ADMIN_REQUIRE_2FA,
) {
  if (!required || identity.kind !== 'user' || !identity.secondFactor) return false;
  return !identity.secondFactor.enabled;
}

export function assertAdminSecondFactor(identity: Identity, required?: boolean) {
  if (adminLacksSecondFactor(identity, required)) {
    throw new AppError('FORBIDDEN', platformWords('adminTwoFactorRequired'));
  }
}
