import type { Plan } from '@/server/billing/plans';

import type { Option } from './types';

// The plan catalog reads server env, so its display names are restated here.
export const PLAN_NAMES: Record<Plan, string> = {
  free: 'Free',
  pro: 'Pro',
  enterprise: 'Enterprise',
};

export const PLAN_OPTIONS: Option<Plan>[] = [
  { value: 'free', label: 'Free' },
  { value: 'pro', label: 'Pro' },
  { value: 'enterprise', label: 'Enterprise' },
];

export const SUBSCRIPTION_STATES = [
  { value: 'active', label: 'Active' },
  { value: 'trialing', label: 'Trialing' },
  { value: 'past_due', label: 'Past due' },
  { value: 'canceled', label: 'Canceled' },
  { value: 'unpaid', label: 'Unpaid' },
] as const satisfies readonly Option<string>[];

export const ROLE_OPTIONS = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
] as const satisfies readonly Option<string>[];

export const roleName = (role: 'user' | 'admin') => (role === 'admin' ? 'Admin' : 'User');

export const count = (value: number) => value.toLocaleString('en-US');
