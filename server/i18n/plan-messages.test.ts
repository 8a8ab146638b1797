import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { FEATURE_LINES, planWordsWith } from '@/app/dashboard/billing/plan-summaries';
import { PLAN_IDS, PLANS } from '@/server/billing/plans';

import { LOCALES, type Locale } from './locales';
import { MESSAGES } from './messages';

/** The plans' words in a locale, as the pages get them; a missing message throws. */
function wordsIn(locale: Locale) {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: 'billing.plans',
    onError: (error) => {
      throw error;
    },
  });
  return planWordsWith(t);
}

describe('plan messages', () => {
  it.each(LOCALES)('%s has a name, a description and every feature line of each plan', (locale) => {
    const words = wordsIn(locale);
    for (const id of PLAN_IDS) {
      expect(words[id].name.trim(), `${locale} ${id}`).not.toBe('');
      expect(words[id].description.trim(), `${locale} ${id}`).not.toBe('');
      expect(words[id].features, `${locale} ${id}`).toHaveLength(FEATURE_LINES[id].length);
      for (const line of words[id].features) expect(line.trim()).not.toBe('');
    }
    // Nothing beyond the catalog: a removed plan leaves no stale words behind.
    expect(Object.keys(MESSAGES[locale].billing.plans).sort()).toEqual([...PLAN_IDS].sort());
  });

  it("English says what the catalog (and so the API) says, in the catalog's order", () => {
    const words = wordsIn('en');
    for (const id of PLAN_IDS) {
      const { name, description, highlights } = PLANS[id];
      expect(words[id]).toEqual({ name, description, features: highlights });
    }
  });

  it('German has its own descriptions and feature lines', () => {
    const english = wordsIn('en');
    const german = wordsIn('de');
    for (const id of PLAN_IDS) {
      expect(german[id].description).not.toBe(english[id].description);
      // SSO is SSO in both; every plan has some line of its own in German.
      expect(german[id].features).not.toEqual(english[id].features);
    }
  });

  it.each(LOCALES)('%s names plans in the admin area as on the billing pages', (locale) => {
    const words = wordsIn(locale);
    for (const id of PLAN_IDS) {
      expect(MESSAGES[locale].admin.labels.plan[id]).toBe(words[id].name);
    }
  });
});
