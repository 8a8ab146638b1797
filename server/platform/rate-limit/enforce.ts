import { AppError } from '../errors';
import type { Identity } from '@/server/auth/identity';
import type { RequestScope } from '../request-scope';

import { checkLimit, type LimitDecision } from './check';
import { NAMED_LIMITS, TIER_LIMITS, type NamedLimit, type Tier } from './config';
import { rateLimitStore } from './store';

type TierResolver = (identity: Identity) => Promise<Tier>;

// Until billing registers the real lookup (the caller's plan), everyone is free.
let resolveTier: TierResolver = async () => 'free';

/** Billing calls this once to make limits follow each caller's plan. */
export function setTierResolver(resolver: TierResolver) {
  resolveTier = resolver;
}

/** Whom a limit counts: the API key, else the user, else the client address. */
export function rateLimitKey(identity: Identity, clientIp: string | null): string {
  if (identity.kind === 'user') {
    return identity.apiKeyId ? `key:${identity.apiKeyId}` : `user:${identity.userId}`;
  }
  return `ip:${clientIp ?? 'unknown'}`;
}

/** Keeps the most restrictive decision of the request for its RateLimit-* headers. */
function remember(scope: RequestScope, decision: LimitDecision) {
  if (!scope.rateLimit || decision.remaining < scope.rateLimit.remaining) {
    scope.rateLimit = decision;
  }
}

function refuse(decision: LimitDecision): never {
  const retryAfterSeconds = Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
  throw new AppError('RATE_LIMITED', `Too many requests. Retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    limit: decision.limit,
  });
}

/** Applies one named limit to `key` (e.g. sign-in per email, on top of per IP). */
export async function enforceNamedLimit(scope: RequestScope, name: NamedLimit, key: string) {
  const decision = await checkLimit(rateLimitStore(), name, NAMED_LIMITS[name], key, scope.log);
  remember(scope, decision);
  if (!decision.allowed) refuse(decision);
}

/**
 * Step 3 of the pipeline, run once per procedure call (so each call of a tRPC batch
 * counts): the global limit of the caller's tier, or health's own limit for health,
 * plus the procedure's named limit if it has one.
 */
export async function enforceRequestLimits(
  scope: RequestScope,
  identity: Identity,
  named: NamedLimit | undefined,
) {
  const key = rateLimitKey(identity, scope.clientIp);
  const store = rateLimitStore();
  const checks =
    named === 'health'
      ? [checkLimit(store, 'health', NAMED_LIMITS.health, key, scope.log)]
      : [
          resolveTier(identity).then((tier) =>
            checkLimit(store, `tier:${tier}`, TIER_LIMITS[tier], key, scope.log),
          ),
          ...(named ? [checkLimit(store, named, NAMED_LIMITS[named], key, scope.log)] : []),
        ];
  const decisions = await Promise.all(checks);
  decisions.forEach((decision) => remember(scope, decision));
  const refused = decisions.find((decision) => !decision.allowed);
  if (refused) refuse(refused);
}
