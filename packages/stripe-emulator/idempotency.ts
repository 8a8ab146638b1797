import { StripeApiError } from './errors';

const TTL_MS = 24 * 60 * 60 * 1000;

type Saved = { fingerprint: string; status: number; body: unknown; expiresAt: number };

export type IdempotencyCache = {
  /** The saved answer for `key`, undefined for a new key; throws on a reused key. */
  replay(key: string, fingerprint: string): { status: number; body: unknown } | undefined;
  save(key: string, fingerprint: string, status: number, body: unknown): void;
};

/**
 * Stripe's idempotency, in memory: a key replays its first answer for 24 hours. Only
 * answers of requests that ran are kept — a refused (4xx) request may be retried
 * with the same key once fixed, as in Stripe.
 */
export function createIdempotencyCache(): IdempotencyCache {
  const saved = new Map<string, Saved>();

  return {
    replay(key, fingerprint) {
      const entry = saved.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        saved.delete(key);
        return undefined;
      }
      if (entry.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          error: {
            type: 'idempotency_error',
            message:
              `Keys for idempotent requests can only be used with the same parameters they were first used with. ` +
              `Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        });
      }
      return { status: entry.status, body: entry.body };
    },
    save(key, fingerprint, status, body) {
      const now = Date.now();
      for (const [oldKey, entry] of saved) {
        if (entry.expiresAt > now) break; // insertion order is expiry order
        saved.delete(oldKey);
      }
      saved.set(key, { fingerprint, status, body, expiresAt: now + TTL_MS });
    },
  };
}
