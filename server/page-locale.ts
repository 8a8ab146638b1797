import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import { cachedOwnProfile } from './auth/profile-cache';
import { LOCALE_COOKIE } from './i18n/locales';
import { MESSAGES } from './i18n/messages';
import { chooseLocale } from './i18n/page-locale-choice';
import { getPageIdentity, pageRls } from './page-session';

/** The signed-in person's language setting; null for visitors or when it cannot be read. */
async function profileLocale(): Promise<string | null> {
  const identity = await getPageIdentity().catch(() => null);
  if (identity?.kind !== 'user') return null;
  // The profile cache serves a warm page without a query.
  const profile = await cachedOwnProfile(await pageRls(), identity.userId).catch(() => null);
  return profile?.locale ?? null;
}

/**
 * next-intl's per-request configuration (next.config.ts points here): the page's
 * language and its messages. A missing message shows as ⟦namespace.key⟧ in server
 * components, which the e2e specs look for, rather than passing for text (client
 * components show `namespace.key` and log an error, which the specs fail on too).
 */
export default getRequestConfig(async () => {
  const [cookieJar, incoming, profile] = await Promise.all([cookies(), headers(), profileLocale()]);
  const locale = chooseLocale({
    profile,
    cookie: cookieJar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: incoming.get('accept-language'),
  });
  return {
    locale,
    messages: MESSAGES[locale],
    // Dates render the same on the server and in the browser.
    timeZone: 'UTC',
    getMessageFallback: ({ namespace, key }) => `⟦${namespace ? `${namespace}.` : ''}${key}⟧`,
  };
});
