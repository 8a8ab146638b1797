import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from './locales';

/**
 * Which language a page speaks: the signed-in person's profile setting, else the
 * browser's choice (the cookie the language switcher sets), else what the browser
 * asks for (Accept-Language), else English.
 */
export function chooseLocale(sources: {
  profile: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  if (isLocale(sources.profile)) return sources.profile;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
