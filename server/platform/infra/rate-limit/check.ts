import { AppError, platformWords } from '@/server/platform/http/errors';
import type { Logger } from '@/server/platform/observability/logger';
import { countRateLimitDecision } from '@/server/platform/observability/metrics';
import { withTimeout } from '@/server/platform/infra/timeout';

import type { RateLimitStore } from './backends';
import { STORE_TIMEOUT_MS, type LimitRule } from './config';

export type LimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the window frees up again. */
  resetAt: number;
  /** The store was unavailable and the request was let through (fail open). */
  degraded?: boolean;
};

/**
 * Counts one request against `name` for `key` (or, with 'peek', reads the count
 * without adding to it). If the store fails or is slow, the rule's policy decides:
 * fail open (allow, log, count) or fail closed (503).
 */
export async function checkLimit(
  store: RateLimitStore,
  name: string,
  rule: LimitRule,
  key: string,
  // Where a failure is logged: the request scope, whose logger is made only if used.
  logTo: { readonly log: Logger },
  operation: 'consume' | 'peek' = 'consume',
): Promise<LimitDecision> {
  try {
    const consumed = await withTimeout(
      store[operation](`${name}:${key}`, rule.requests, rule.windowSeconds),
      STORE_TIMEOUT_MS,
    );
    countRateLimitDecision(name, consumed.allowed ? 'allowed' : 'refused');
    return { ...consumed, limit: rule.requests };
  } catch (error) {
    logTo.log.warn({ err: error, rule: name, store: store.kind }, 'rate limit store unavailable');
    if (rule.onStoreFailure === 'closed') {
      countRateLimitDecision(name, 'failed_closed');
      throw new AppError('UNAVAILABLE', platformWords('limitUnavailable'));
    }
    countRateLimitDecision(name, 'failed_open');
    return {
      allowed: true,
      limit: rule.requests,
      remaining: rule.requests,
      resetAt: Date.now() + rule.windowSeconds * 1000,
      degraded: true,
    };
  }
}
