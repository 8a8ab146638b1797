import { useTranslations } from 'next-intl';

import type { Plan } from '@/server/billing/plans';

import type { Option } from './types';

// The plan catalog reads server env, so its plans are restated here (their names
// are the admin namespace's `labels.plan.*`).
export const PLANS = ['free', 'pro', 'enterprise'] as const satisfies readonly Plan[];

export const SUBSCRIPTION_STATES = [
  'active',
  'trialing',
  'past_due',
  'canceled',
  'unpaid',
] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const isPlan = (value: string): value is Plan => (PLANS as readonly string[]).includes(value);

const isSubscriptionState = (status: string): status is SubscriptionState =>
  (SUBSCRIPTION_STATES as readonly string[]).includes(status);

/** The admin area's words for plans, roles and subscription states, and options of them. */
export function useLabels() {
  const t = useTranslations('admin.labels');
  const plan = (value: Plan) => t(`plan.${value}`);
  const role = (value: Role) => t(`role.${value}`);
  // An unknown status (Stripe may add one) shows as itself.
  const subscription = (status: string) =>
    isSubscriptionState(status) ? t(`subscription.${status}`) : status.replaceAll('_', ' ');
  return {
    plan,
    // A plan the catalog no longer has shows as itself.
    planOf: (value: string) => (isPlan(value) ? plan(value) : value),
    role,
    subscription,
    planOptions: PLANS.map((value): Option<Plan> => ({ value, label: plan(value) })),
    roleOptions: ROLES.map((value): Option<Role> => ({ value, label: role(value) })),
    subscriptionOptions: SUBSCRIPTION_STATES.map((value): Option<SubscriptionState> => ({
      value,
      label: subscription(value),
    })),
  };
}
