import { createHash } from 'node:crypto';

import { LRUCache } from 'lru-cache';

import { AppError, platformWords } from '@/server/platform/http/errors';
import type { RequestScope } from '@/server/platform/http/request-scope';

import { checkLimit, type LimitDecision } from './check';
import { withTimeout } from '@/server/platform/infra/timeout';

import { NAMED_LIMITS, STORE_TIMEOUT_MS, TIER_LIMITS, type NamedLimit, type Tier } from './config';
import { rateLimitStore } from './store';

/** Whom a limit counts: the part of the pipeline's identity this layer needs. */
export type Caller = { kind: 'anonymous' } | { kind: 'user'; userId: string; apiKeyId?: string };

/** How to find a signed-in caller's tier (billing's plan lookup). */
export type TierResolver = (caller: Extract<Caller, { kind: 'user' }>) => Promise<Tier>;

// The last tier each recent caller resolved to, so a slow or failed lookup does not
// throttle a paying customer at the free limit.
const lastKnownTier = new LRUCache<string, Tier>({ max: 10_000 });

// Per key, not per user: a user's keys act in different organizations, with their plans.
const tierKey = (caller: Extract<Caller, { kind: 'user' }>) => caller.apiKeyId ?? caller.userId;

/** The caller's tier: free for anonymous callers; the last known one if the lookup fails. */
async function tierOf(
  identity: Caller,
  scope: RequestScope,
  resolve: TierResolver | undefined,
): Promise<Tier> {
  if (!resolve || identity.kind === 'anonymous') return 'free';
  try {
    const tier = await withTimeout(resolve(identity), STORE_TIMEOUT_MS);
    lastKnownTier.set(tierKey(identity), tier);
    return tier;
  } catch (error) {
    const fallback = lastKnownTier.get(tierKey(identity)) ?? 'free';
    scope.log.warn(
      { err: error, fallback },
      'plan tier lookup failed; applying the last known tier',
    );
    return fallback;
  }
}

export const ipKey = (clientIp: string | null) => `ip:${clientIp ?? 'unknown'}`;

/** Whom the global limit counts: the API key, else the user, else the client address. */
export function rateLimitKey(identity: Caller, clientIp: string | null): string {
  if (identity.kind === 'user') {
    return identity.apiKeyId ? `key:${identity.apiKeyId}` : `user:${identity.userId}`;
  }
  return ipKey(clientIp);
}

/** A per-email bucket that keeps the address itself out of Redis. */
export function emailLimitKey(email: string): string {
  return `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

// Health and the credential limits count per address, whoever is signed in.
const PER_ADDRESS = new Set<NamedLimit>([
  'health',
  'signIn',
  'signUp',
  'passwordReset',
  'emailSignIn',
  'oauth',
]);

/**
 * Keeps the decision that the RateLimit-* headers describe: a refusal over any
 * allowance, else the one with the fewest requests left.
 */
export function remember(scope: RequestScope, decision: LimitDecision) {
  if (decision.degraded) return;
  const current = scope.rateLimit;
  const worse =
    !current ||
    (current.allowed && !decision.allowed) ||
    (current.allowed === decision.allowed && decision.remaining < current.remaining);
  if (worse) scope.rateLimit = decision;
}

/** Keeps the latest count of the tier limit: in a batch, the one with the fewest left. */
function rememberTier(scope: RequestScope, decision: LimitDecision) {
  if (decision.degraded) return;
  if (!scope.tierLimit || decision.remaining <= scope.tierLimit.remaining) {
    scope.tierLimit = decision;
  }
}

export function refuse(decision: LimitDecision): never {
  const retryAfterSeconds = Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
  throw new AppError('RATE_LIMITED', platformWords('rateLimited', { seconds: retryAfterSeconds }), {
    retryAfterSeconds,
    limit: decision.limit,
  });
}

/** Applies one named limit to `key` (e.g. sign-in per email, on top of per IP). */
export async function enforceNamedLimit(scope: RequestScope, name: NamedLimit, key: string) {
  const decision = await checkLimit(rateLimitStore(), name, NAMED_LIMITS[name], key, scope);
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
  identity: Caller,
  named: NamedLimit | undefined,
  resolveTier?: TierResolver,
) {
  const key = rateLimitKey(identity, scope.clientIp);
  const namedKey = named && PER_ADDRESS.has(named) ? ipKey(scope.clientIp) : key;
  const store = rateLimitStore();
  const checks =
    named === 'health'
      ? [checkLimit(store, 'health', NAMED_LIMITS.health, namedKey, scope)]
      : [
          tierOf(identity, scope, resolveTier).then((tier) =>
            checkLimit(store, 'global', TIER_LIMITS[tier], key, scope),
          ),
          ...(named ? [checkLimit(store, named, NAMED_LIMITS[named], namedKey, scope)] : []),
        ];
  const decisions = await Promise.all(checks);
  decisions.forEach((decision) => remember(scope, decision));
  if (named !== 'health') rememberTier(scope, decisions[0]!);
  const refused = decisions.find((decision) => !decision.allowed);
  if (refused) refuse(refused);
}
