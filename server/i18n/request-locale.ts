import { LOCALE_COOKIE, type Locale } from './locales';
import { chooseLocale } from './page-locale-choice';

/** One cookie's value from a Cookie header, or null (a malformed value too). */
function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
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
