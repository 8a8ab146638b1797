'use client';

import Link from 'next/link';
import { useState } from 'react';

import {
  ManageBillingButton,
  primaryButtonClass,
  secondaryButtonClass,
  UpgradeButton,
} from '@/app/dashboard/billing/billing-actions';
import type { PlanOffer } from '@/server/billing/plan-offers';
import type { Interval, Plan } from '@/server/billing/plans';

export type PricingPlan = {
  id: Plan;
  name: string;
  description: string;
  /** In cents. */
  amounts: Record<Interval, number>;
  highlights: string[];
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
  offer,
  interval,
}: {
  plan: PricingPlan;
  offer: PlanOffer;
  interval: Interval;
}) {
  const upgrade = `Upgrade to ${plan.name}`;
  switch (offer) {
    case 'current':
    case 'current-manage':
      return (
        <div className="space-y-3">
          <p className="font-medium text-emerald-700 dark:text-emerald-400">Current plan</p>
          {offer === 'current-manage' && <ManageBillingButton />}
        </div>
      );
    case 'sign-up':
      return (
        <Link href="/sign-up" className={secondaryButtonClass}>
          Get started
        </Link>
      );
    case 'sign-in':
      return (
        <Link href="/sign-in?next=/pricing" className={primaryButtonClass}>
          {upgrade}
        </Link>
      );
    case 'checkout':
      return plan.id === 'free' ? null : (
        <UpgradeButton plan={plan.id} interval={interval} label={upgrade} offerPortal />
      );
    // A subscriber changes plan (and interval) in Stripe's portal.
    case 'switch':
      return <ManageBillingButton label="Switch plan" />;
    case 'none':
      return null;
  }
}

/** `offers` are decided on the server (server/billing/plan-offers.ts). */
export function PricingPlans({
  plans,
  offers,
  initialInterval,
}: {
  plans: PricingPlan[];
  offers: Record<Plan, PlanOffer>;
  initialInterval: Interval;
}) {
  const [interval, chooseInterval] = useState<Interval>(initialInterval);
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
              <span className="text-slate-600 dark:text-slate-300">
                {plan.amounts[interval] > 0 ? `per member per ${interval}` : `per ${interval}`}
              </span>
            </p>
            <ul className="flex-1 list-disc space-y-1 pl-5 text-sm">
              {plan.highlights.map((highlight) => (
                <li key={highlight}>{highlight}</li>
              ))}
            </ul>
            <PlanAction plan={plan} offer={offers[plan.id]} interval={interval} />
          </section>
        ))}
      </div>
    </div>
  );
}
