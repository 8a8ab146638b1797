import { createTranslator } from 'next-intl';

import type { Translate, Words } from '@/server/platform/http/errors';

import { DEFAULT_LOCALE, LOCALES, localeFromAcceptLanguage, type Locale } from './locales';
import { MESSAGES, type Messages } from './messages';

type ErrorMessages = Messages['errors'];
/** A message of the `errors` namespace: "area.name" (server/i18n/messages/<locale>/errors.json). */
export type ErrorKey = {
  [Area in keyof ErrorMessages]: `${Area & string}.${keyof ErrorMessages[Area] & string}`;
}[keyof ErrorMessages];
type Values = Record<string, string | number>;
type ErrorTranslator = { (key: string, values?: Values): string; has(key: string): boolean };

// One translator per language for the life of the process: errors are formatted on
// hot paths (a 401 for every bad key), and a translator caches its compiled messages.
const translators = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    createTranslator({ locale, messages: MESSAGES[locale].errors }) as unknown as ErrorTranslator,
  ]),
) as Record<Locale, ErrorTranslator>;

/**
 * The words of an error a person reads, for `new AppError(code, said(key, values))`:
 * its English text is what logs and tests see; the adapters answer in the caller's
 * language.
 */
export function said(key: ErrorKey, values?: Values): Words {
  return { key, values, text: translators[DEFAULT_LOCALE](key, values) };
}

/** Error words in `locale`; a key it lacks keeps its English text. */
export function translateErrors(locale: Locale): Translate {
  const translate = translators[locale];
  return (words) => (translate.has(words.key) ? translate(words.key, words.values) : words.text);
}

/**
 * The language an API error answers in: the request's Accept-Language (the
 * dashboard's client sends the page's language), else English. Cookies play no part:
 * an API client has none, and the page's choice already arrives in the header.
 */
export const errorLanguageOf = (headers: Headers): Translate =>
  translateErrors(localeFromAcceptLanguage(headers.get('accept-language')) ?? DEFAULT_LOCALE);
