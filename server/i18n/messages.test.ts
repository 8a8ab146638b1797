import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { chooseLocale } from './page-locale-choice';
import { localeFromAcceptLanguage, LOCALES } from './locales';
import { MESSAGES } from './messages';

type Tree = { [key: string]: string | Tree };

/** Every message as [dotted key, text]. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/** The arguments ({name}) and tags (<link>) of parsed ICU elements, branches included. */
function namesIn(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.tag) return [`<${element.value}>`, ...namesIn(element.children)];
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const branches = Object.values(element.options).flatMap((option) => namesIn(option.value));
      return [`{${element.value}}`, ...branches];
    }
    if (element.type === TYPE.literal || element.type === TYPE.pound) return [];
    return [`{${element.value}}`];
  });
}

// The {arguments} and <tags> a message uses: both languages must use the same ones.
const placeholders = (text: string) => [...new Set(namesIn(parse(text)))].sort();

describe('messages', () => {
  const english = new Map(flatten(MESSAGES.en as Tree));

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has exactly the keys English has, with the same placeholders',
    (locale) => {
      const other = new Map(flatten(MESSAGES[locale] as Tree));
      expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect(placeholders(other.get(key)!), `${locale} ${key}`).toEqual(placeholders(text));
        expect(other.get(key)!.trim(), `${locale} ${key} is empty`).not.toBe('');
      }
    },
  );

  it.each(LOCALES)('every %s message formats (valid ICU syntax)', (locale) => {
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale] as Tree,
      // By default a broken message is logged and replaced: here it must fail the test.
      onError: (error) => {
        throw error;
      },
    });
    const format = t as unknown as {
      (key: string, values?: object): string;
      rich: (key: string, values?: object) => unknown;
    };
    for (const [key, text] of flatten(MESSAGES[locale] as Tree)) {
      // Every argument given a value; every tag rendered as its text.
      const values: Record<string, unknown> = {};
      for (const token of placeholders(text)) {
        if (token.startsWith('{')) values[token.slice(1, -1)] = 1;
        else values[token.slice(1, -1)] = (chunks: unknown) => chunks;
      }
      expect(() => format.rich(key, values), `${locale} ${key}`).not.toThrow();
    }
  });
});

describe('the page language', () => {
  it('is the profile setting, then the cookie, then Accept-Language, then English', () => {
    expect(chooseLocale({ profile: 'de', cookie: 'en', acceptLanguage: 'en' })).toBe('de');
    expect(chooseLocale({ profile: null, cookie: 'de', acceptLanguage: 'en' })).toBe('de');
    expect(chooseLocale({ profile: 'fr', cookie: 'xx', acceptLanguage: 'de-CH' })).toBe('de');
    expect(chooseLocale({ profile: null, cookie: undefined, acceptLanguage: 'fr, ja' })).toBe('en');
  });

  it('reads Accept-Language by quality, then order, with regions falling back', () => {
    expect(localeFromAcceptLanguage('fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7')).toBe('de');
    expect(localeFromAcceptLanguage('en;q=0.5, de;q=0.6')).toBe('de');
    expect(localeFromAcceptLanguage('de;q=0, en-GB')).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage('de;q=abc')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
