import { env } from '@/env';
import type { Tier } from '@/server/platform/infra/rate-limit/config';

/**
 * The one catalog: what each plan costs, which Stripe prices sell it, and what it
 * grants. The pricing page, checkout, the webhook's plan mapping, the API-key limit
 * and the rate-limit tier all read it from here.
 */
export const PLAN_IDS = ['free', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLAN_IDS)[number];
export const INTERVALS = ['month', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];
export type PaidPlan = Exclude<Plan, 'free'>;

export type Entitlements = {
  /** Active API keys at once, in the organization. */
  apiKeys: number;
  /** Members of a team. Paid plans are priced per member (seat) and have no cap. */
  members: number;
  /** The global request limit's tier (server/platform/infra/rate-limit/config.ts). */
  rateLimitTier: Tier;
  /** Feature flags a product checks with `hasFeature(plan, name)`. */
  features: { prioritySupport: boolean; sso: boolean };
};

export type PlanDefinition = {
  id: Plan;
  /**
   * The English words, which the API (GET /billing/plans) keeps returning. Pages show
   * the messages `billing.plans.<id>` in the reader's language instead (en must match
   * these: server/i18n/plan-messages.test.ts).
   */
  name: string;
  description: string;
  /**
   * Display prices in cents, per member (seat): a subscription's quantity is its
   * organization's member count. Stripe's prices must match them.
   */
  amounts: Record<Interval, number>;
  highlights: string[];
  entitlements: Entitlements;
};

export const PLANS: Record<Plan, PlanDefinition> = {
  free: {
    id: 'free',
    name: 'Free',
    description: 'For trying the product and small side projects.',
    amounts: { month: 0, year: 0 },
    highlights: ['Teams of up to 5', '2 API keys', '100 requests an hour', 'Community support'],
    entitlements: {
      apiKeys: 2,
      members: 5,
      rateLimitTier: 'free',
      features: { prioritySupport: false, sso: false },
    },
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    description: 'For teams running the product in production.',
    amounts: { month: 1900, year: 19000 },
    highlights: ['20 API keys', '1,000 requests an hour', 'Priority support'],
    entitlements: {
      apiKeys: 20,
      members: Number.POSITIVE_INFINITY,
      rateLimitTier: 'pro',
      features: { prioritySupport: true, sso: false },
    },
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    description: 'For organisations with scale and compliance needs.',
    amounts: { month: 9900, year: 99000 },
    highlights: ['Unlimited API keys', '10,000 requests an hour', 'SSO', 'Priority support'],
    entitlements: {
      apiKeys: Number.POSITIVE_INFINITY,
      members: Number.POSITIVE_INFINITY,
      rateLimitTier: 'enterprise',
      features: { prioritySupport: true, sso: true },
    },
  },
};

/** Higher grants more; a customer with two live subscriptions gets the higher plan. */
export const PLAN_RANK: Record<Plan, number> = { free: 0, pro: 1, enterprise: 2 };

/**
 * Stripe price ids from the environment; unset, the ids the local emulator seeds
 * (packages/stripe-emulator), so the embedded default needs no configuration.
 */
export function stripePriceIds(): Record<PaidPlan, Record<Interval, string>> {
  return {
    pro: {
      month: env.STRIPE_PRICE_PRO_MONTHLY ?? 'price_pro_monthly',
      year: env.STRIPE_PRICE_PRO_YEARLY ?? 'price_pro_yearly',
    },
    enterprise: {
      month: env.STRIPE_PRICE_ENTERPRISE_MONTHLY ?? 'price_enterprise_monthly',
      year: env.STRIPE_PRICE_ENTERPRISE_YEARLY ?? 'price_enterprise_yearly',
    },
  };
}

/** The plan and interval a Stripe price sells, or null for a price not in the catalog. */
export function planOfPrice(priceId: string): { plan: PaidPlan; interval: Interval } | null {
  for (const [plan, prices] of Object.entries(stripePriceIds()) as [
    PaidPlan,
    Record<Interval, string>,
  ][]) {
    for (const interval of INTERVALS) {
      if (prices[interval] === priceId) return { plan, interval };
    }
  }
  return null;
}

export const entitlementsOf = (plan: Plan): Entitlements => PLANS[plan].entitlements;

/** Whether a plan includes a feature flag; check it where the feature is served. */
export const hasFeature = (plan: Plan, feature: keyof Entitlements['features']): boolean =>
  PLANS[plan].entitlements.features[feature];
