import { PLAN_RANK, type Interval, type Plan } from './plans';

/**
 * What a plan's card offers the viewer. Decided on the server, where it is known
 * whether billing is configured at all, so a page never shows a button that can
 * only fail.
 */
export type PlanOffer =
  /** The viewer's plan; nothing to buy. */
  | 'current'
  /** The viewer's paid plan: the billing portal (card, invoices, cancel). */
  | 'current-manage'
  /** Signed out: create an account (the free plan). */
  | 'sign-up'
  /** Signed out: sign in, then upgrade. */
  | 'sign-in'
  /** On the free plan: Stripe Checkout for this plan. */
  | 'checkout'
  /** A subscriber: change plan in the billing portal (checkout would refuse, 409). */
  | 'switch'
  | 'none';

export type Viewer = {
  /** Null when signed out. */
  currentPlan: Plan | null;
  /** Whether this deployment has Stripe (or the local emulator): billingFromEnv(). */
  billingConfigured: boolean;
};

export function planOffer(plan: Plan, { currentPlan, billingConfigured }: Viewer): PlanOffer {
  if (plan === currentPlan) {
    return plan !== 'free' && billingConfigured ? 'current-manage' : 'current';
  }
  if (!currentPlan) {
    if (plan === 'free') return 'sign-up';
    return billingConfigured ? 'sign-in' : 'none';
  }
  // Moving down to free is cancelling, done in the portal from the current card.
  if (plan === 'free' || !billingConfigured) return 'none';
  return PLAN_RANK[currentPlan] === 0 ? 'checkout' : 'switch';
}

export const planOffers = (viewer: Viewer) =>
  Object.fromEntries(
    (Object.keys(PLAN_RANK) as Plan[]).map((plan) => [plan, planOffer(plan, viewer)]),
  ) as Record<Plan, PlanOffer>;

/** The interval the pricing page opens on: the subscriber's own, else monthly. */
export const initialInterval = (subscription: { interval: Interval | null } | null): Interval =>
  subscription?.interval ?? 'month';
