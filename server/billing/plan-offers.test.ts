import { describe, expect, it } from 'vitest';

import { initialInterval, planOffers } from './plan-offers';

describe('plan offers on the pricing page', () => {
  it('signed out: sign up for free, sign in to upgrade', () => {
    expect(planOffers({ currentPlan: null, billingConfigured: true })).toEqual({
      free: 'sign-up',
      pro: 'sign-in',
      enterprise: 'sign-in',
    });
  });

  it('on free: checkout for each paid plan', () => {
    expect(planOffers({ currentPlan: 'free', billingConfigured: true })).toEqual({
      free: 'current',
      pro: 'checkout',
      enterprise: 'checkout',
    });
  });

  it('a Pro subscriber switches plan in the portal, never through checkout (a 409)', () => {
    expect(planOffers({ currentPlan: 'pro', billingConfigured: true })).toEqual({
      free: 'none',
      pro: 'current-manage',
      enterprise: 'switch',
    });
    expect(planOffers({ currentPlan: 'enterprise', billingConfigured: true })).toEqual({
      free: 'none',
      pro: 'switch',
      enterprise: 'current-manage',
    });
  });

  it('billing not configured: no button that calls billing, for anyone', () => {
    for (const currentPlan of [null, 'free', 'pro', 'enterprise'] as const) {
      const offers = Object.values(planOffers({ currentPlan, billingConfigured: false }));
      for (const offer of ['checkout', 'switch', 'current-manage', 'sign-in']) {
        expect(offers, String(currentPlan)).not.toContain(offer);
      }
    }
    expect(planOffers({ currentPlan: null, billingConfigured: false }).free).toBe('sign-up');
  });

  it('opens on the subscriber’s own interval', () => {
    expect(initialInterval({ interval: 'year' })).toBe('year');
    expect(initialInterval({ interval: null })).toBe('month');
    expect(initialInterval(null)).toBe('month');
  });
});
