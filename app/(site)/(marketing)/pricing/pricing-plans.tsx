'use client';

import { CheckIcon } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';

import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { cn } from '@/app/_components/ui/cn';
import { ManageBillingButton, UpgradeButton } from '@/app/dashboard/billing/billing-actions';
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

/** The plan most teams pick, marked so a visitor need not compare all three. */
const FEATURED: Plan = 'pro';

/** Whole amounts without cents ("$9"), others with them ("$9.50"), in the page's locale. */
function usePriceFormat() {
  const format = useFormatter();
  return (cents: number) => {
    const digits = cents % 100 === 0 ? 0 : 2;
    return format.number(cents / 100, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  };
}

function IntervalSwitch({
  value,
  onChange,
}: {
  value: Interval;
  onChange: (interval: Interval) => void;
}) {
  const t = useTranslations('marketing.pricing');
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{t('interval')}</legend>
      <div className="inline-flex rounded-md border border-input p-1">
        {(['month', 'year'] as const).map((interval) => (
          <label
            key={interval}
            className="cursor-pointer rounded px-4 py-1.5 text-sm font-medium has-checked:bg-primary has-checked:text-primary-foreground has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring"
          >
            <input
              type="radio"
              name="interval"
              value={interval}
              checked={value === interval}
              onChange={() => onChange(interval)}
              className="sr-only"
            />
            {t(`intervals.${interval}`)}
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
  const t = useTranslations('marketing.pricing');
  const upgrade = t('upgrade', { plan: plan.name });
  switch (offer) {
    case 'current':
    case 'current-manage':
      return (
        <div className="space-y-3">
          <p className="font-medium text-emerald-700 dark:text-emerald-300">{t('currentPlan')}</p>
          {offer === 'current-manage' && <ManageBillingButton />}
        </div>
      );
    case 'sign-up':
      return (
        <Button asChild variant="outline">
          <Link href="/sign-up">{t('getStarted')}</Link>
        </Button>
      );
    case 'sign-in':
      return (
        <Button asChild>
          <Link href="/sign-in?next=/pricing">{upgrade}</Link>
        </Button>
      );
    case 'checkout':
      return plan.id === 'free' ? null : (
        <UpgradeButton plan={plan.id} interval={interval} label={upgrade} offerPortal />
      );
    // A subscriber changes plan (and interval) in Stripe's portal.
    case 'switch':
      return <ManageBillingButton label={t('switchPlan')} />;
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
  const t = useTranslations('marketing.pricing');
  const formatPrice = usePriceFormat();
  const [interval, chooseInterval] = useState<Interval>(initialInterval);
  return (
    <div className="space-y-6">
      <IntervalSwitch value={interval} onChange={chooseInterval} />
      <div className="grid gap-4 md:grid-cols-3">
        {plans.map((plan) => (
          <Card
            key={plan.id}
            role="region"
            aria-labelledby={`plan-${plan.id}`}
            className={cn(
              'flex flex-col gap-4 p-6',
              plan.id === FEATURED && 'border-primary ring-1 ring-primary',
            )}
          >
            <div className="space-y-1">
              <h2 id={`plan-${plan.id}`} className="flex items-center gap-2 text-xl font-semibold">
                {plan.name}
                {plan.id === FEATURED && <Badge tone="brand">{t('mostPopular')}</Badge>}
              </h2>
              <p className="text-muted-foreground">{plan.description}</p>
            </div>
            <p>
              <span className="text-3xl font-bold">{formatPrice(plan.amounts[interval])}</span>{' '}
              <span className="text-muted-foreground">
                {plan.amounts[interval] > 0 ? t(`perMember.${interval}`) : t(`flat.${interval}`)}
              </span>
            </p>
            <ul className="flex-1 space-y-1.5 text-sm">
              {plan.highlights.map((highlight) => (
                <li key={highlight} className="flex gap-2">
                  <CheckIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                  {highlight}
                </li>
              ))}
            </ul>
            <PlanAction plan={plan} offer={offers[plan.id]} interval={interval} />
          </Card>
        ))}
      </div>
    </div>
  );
}
