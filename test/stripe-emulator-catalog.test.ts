import { DEFAULT_PRICES, startStripeEmulator } from '@lean-saas/stripe-emulator';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  INTERVALS,
  PLAN_IDS,
  PLANS,
  planOfPrice,
  stripePriceIds,
  type PaidPlan,
} from '@/server/billing/plans';
import { emulatorStripe } from '@/server/billing/stripe-client';

// The emulator seeds its own copy of the app's catalog (it may not import the
// product, nor the product it), so this test holds the two equal: a price changed
// in server/billing/plans.ts and not in packages/stripe-emulator/seed.ts would make
// the pricing page and the checkout disagree on the embedded default.

const PAID = PLAN_IDS.filter((plan): plan is PaidPlan => plan !== 'free');
// What the pricing page formats its amounts in (app/(marketing)/pricing).
const CURRENCY = 'usd';

let emulator: Awaited<ReturnType<typeof startStripeEmulator>>;
let seeded: Stripe.Price[];
beforeAll(async () => {
  emulator = await startStripeEmulator({ webhookSecret: 'whsec_catalog' });
  const stripe = emulatorStripe(emulator.url);
  seeded = (await stripe.prices.list({ limit: 100, expand: ['data.product'] })).data;
});
afterAll(() => emulator.close());

describe("the Stripe emulator's seeded catalog", () => {
  it('holds the price ids the app sells each paid plan and interval with (no env overrides)', () => {
    const appPriceIds = PAID.flatMap((plan) =>
      INTERVALS.map((interval) => stripePriceIds()[plan][interval]),
    );
    expect(seeded.map((price) => price.id).sort()).toEqual([...appPriceIds].sort());
    expect(DEFAULT_PRICES.map((price) => price.id).sort()).toEqual([...appPriceIds].sort());
  });

  it.each(PAID.flatMap((plan) => INTERVALS.map((interval) => ({ plan, interval }))))(
    '$plan / $interval: the amount, interval, product name and lookup key agree with plans.ts',
    ({ plan, interval }) => {
      const id = stripePriceIds()[plan][interval];
      const price = seeded.find((candidate) => candidate.id === id);
      expect(price).toBeDefined();
      expect(planOfPrice(id)).toEqual({ plan, interval });
      expect(price!.unit_amount).toBe(PLANS[plan].amounts[interval]);
      expect(price!.currency).toBe(CURRENCY);
      expect(price!.recurring?.interval).toBe(interval);
      expect((price!.product as Stripe.Product).name).toBe(PLANS[plan].name);
      expect(price!.lookup_key).toBe(`${plan}_${interval === 'month' ? 'monthly' : 'yearly'}`);
    },
  );

  it('sells nothing for the free plan', () => {
    expect(PLANS.free.amounts).toEqual({ month: 0, year: 0 });
    expect(Object.keys(stripePriceIds()).sort()).toEqual([...PAID].sort());
  });
});
