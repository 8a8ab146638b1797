import type { Tier } from '@/server/platform/rate-limit/config';

/** Active keys a plan allows. */
export const ACTIVE_KEY_LIMITS: Record<Tier, number> = {
  free: 2,
  pro: 20,
  enterprise: Number.POSITIVE_INFINITY,
};

type PlanResolver = (userId: string) => Promise<Tier>;

// On globalThis, so a resolver registered at startup is seen by every route bundle.
const holder = globalThis as typeof globalThis & { __leanSaasPlanResolver?: PlanResolver };

/** Billing's hook: how to find a user's plan. */
export function setPlanResolver(resolver: PlanResolver) {
  holder.__leanSaasPlanResolver = resolver;
}

/** Everyone is on the free plan until billing registers its resolver. */
export const planOf = (userId: string): Promise<Tier> =>
  holder.__leanSaasPlanResolver?.(userId) ?? Promise.resolve('free');
