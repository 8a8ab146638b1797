import { buildPrice, buildProduct } from './resources/catalog';
import type { State } from './store';

export type EmulatorPrice = {
  id: string;
  productId: string;
  productName: string;
  unitAmount: number;
  currency: string;
  interval: 'month' | 'year';
  lookupKey?: string;
};

/**
 * The app's catalog (server/billing/plans.ts), under the ids it uses when no env
 * overrides them. A copy, since neither side may import the other:
 * test/stripe-emulator-catalog.test.ts holds the two equal.
 */
export const DEFAULT_PRICES: EmulatorPrice[] = [
  {
    id: 'price_pro_monthly',
    lookupKey: 'pro_monthly',
    productId: 'prod_pro',
    productName: 'Pro',
    unitAmount: 1900,
    currency: 'usd',
    interval: 'month',
  },
  {
    id: 'price_pro_yearly',
    lookupKey: 'pro_yearly',
    productId: 'prod_pro',
    productName: 'Pro',
    unitAmount: 19000,
    currency: 'usd',
    interval: 'year',
  },
  {
    id: 'price_enterprise_monthly',
    lookupKey: 'enterprise_monthly',
    productId: 'prod_enterprise',
    productName: 'Enterprise',
    unitAmount: 9900,
    currency: 'usd',
    interval: 'month',
  },
  {
    id: 'price_enterprise_yearly',
    lookupKey: 'enterprise_yearly',
    productId: 'prod_enterprise',
    productName: 'Enterprise',
    unitAmount: 99000,
    currency: 'usd',
    interval: 'year',
  },
];

/**
 * Adds the seeded products and prices that `state` lacks. Ones already there (from a
 * state file) are kept as they are, so a restart never resets what was changed.
 */
export function seedCatalog(state: State, prices: EmulatorPrice[]): void {
  for (const seed of prices) {
    if (!state.products.has(seed.productId)) {
      const product = buildProduct({ id: seed.productId, name: seed.productName });
      state.products.set(product.id, product);
    }
    if (state.prices.has(seed.id)) continue;
    const price = buildPrice({
      id: seed.id,
      product: seed.productId,
      unitAmount: seed.unitAmount,
      currency: seed.currency,
      interval: seed.interval,
      lookupKey: seed.lookupKey ?? null,
    });
    state.prices.set(price.id, price);
  }
}
