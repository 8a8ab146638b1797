'use client';

import Link from 'next/link';
import { useState } from 'react';

import {
  ManageBillingButton,
  primaryButtonClass,
  secondaryButtonClass,
  UpgradeButton,
} from '@/app/dashboard/billing/billing-actions';
import type { Interval, Plan } from '@/server/billing/plans';

export type PricingPlan = {
  id: Plan;
  name: string;
  description: string;
  /** In cents. */
  amounts: Record<Interval, number>;
  highlights: string[];
  rank: number;
};

const INTERVAL_LABELS = { month: 'Monthly', year: 'Yearly' } as const;

function formatPrice(cents: number) {
  const digits = cents % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 100);
}

function IntervalSwitch({
  value,
  onChange,
}: {
  value: Interval;
  onChange: (interval: Interval) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Billing interval</legend>
      <div className="inline-flex rounded-md border border-slate-300 p-1 dark:border-slate-700">
        {(['month', 'year'] as const).map((interval) => (
          <label
            key={interval}
            className="cursor-pointer rounded px-4 py-1.5 text-sm font-medium has-checked:bg-indigo-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-500"
          >
            <input
              type="radio"
              name="interval"
              value={interval}
              checked={value === interval}
              onChange={() => onChange(interval)}
              className="sr-only"
            />
            {INTERVAL_LABELS[interval]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function PlanAction({
  plan,
  currentPlan,
  currentRank,
  interval,
}: {
  plan: PricingPlan;
  currentPlan: Plan | null;
  currentRank: number;
  interval: Interval;
}) {
  if (plan.id === currentPlan) {
    return (
      <div className="space-y-3">
        <p className="font-medium text-emerald-700 dark:text-emerald-400">Current plan</p>
        {plan.id !== 'free' && <ManageBillingButton />}
      </div>
    );
  }
  if (plan.id === 'free') {
    return currentPlan ? null : (
      <Link href="/sign-up" className={secondaryButtonClass}>
        Get started
      </Link>
    );
  }
  const label = `Upgrade to ${plan.name}`;
  if (!currentPlan) {
    return (
      <Link href="/sign-in?next=/pricing" className={primaryButtonClass}>
        {label}
      </Link>
    );
  }
  // Moving down a plan happens in the billing portal, offered on the current plan's card.
  if (plan.rank < currentRank) return null;
  return (
    <UpgradeButton
      plan={plan.id}
      interval={interval}
      label={label}
      offerPortal={currentPlan === 'free'}
    />
  );
}

/** `currentPlan` is null when signed out. */
export function PricingPlans({
  plans,
  currentPlan,
}: {
  plans: PricingPlan[];
  currentPlan: Plan | null;
}) {
  const [interval, chooseInterval] = useState<Interval>('month');
  const currentRank = plans.find((plan) => plan.id === currentPlan)?.rank ?? 0;
  return (
    <div className="space-y-6">
      <IntervalSwitch value={interval} onChange={chooseInterval} />
      <div className="grid gap-4 md:grid-cols-3">
        {plans.map((plan) => (
          <section
            key={plan.id}
            aria-labelledby={`plan-${plan.id}`}
            className="flex flex-col gap-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
          >
            <div className="space-y-1">
              <h2 id={`plan-${plan.id}`} className="text-xl font-semibold">
                {plan.name}
              </h2>
              <p className="text-slate-600 dark:text-slate-300">{plan.description}</p>
            </div>
            <p>
              <span className="text-3xl font-bold">{formatPrice(plan.amounts[interval])}</span>{' '}
              <span className="text-slate-600 dark:text-slate-300">per {interval}</span>
            </p>
            <ul className="flex-1 list-disc space-y-1 pl-5 text-sm">
              {plan.highlights.map((highlight) => (
                <li key={highlight}>{highlight}</li>
              ))}
            </ul>
            <PlanAction
              plan={plan}
              currentPlan={currentPlan}
              currentRank={currentRank}
              interval={interval}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
