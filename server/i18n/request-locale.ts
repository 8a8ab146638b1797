import { cookieValues } from '@/server/platform/http/cookies';

import { LOCALE_COOKIE, type Locale } from './locales';
import { chooseLocale } from './page-locale-choice';

/** The first `name` cookie's value, decoded; null without one or when it does not decode. */
function cookieValue(cookieHeader: string | null, name: string): string | null {
  const [value] = cookieValues(cookieHeader, name);
  if (value === undefined) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * The language of a request, for what it causes outside a page (a mail): as a page
 * would choose it (chooseLocale), from the signed-in person's profile setting when
 * the caller has read it, else the browser's cookie, else Accept-Language, else English.
 */
export function localeOfRequest(headers: Headers, profile: string | null = null): Locale {
  return chooseLocale({
    profile,
    cookie: cookieValue(headers.get('cookie'), LOCALE_COOKIE),
    acceptLanguage: headers.get('accept-language'),
  });
}
