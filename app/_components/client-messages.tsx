import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';

import { pickMessages, type Messages } from '@/server/i18n/messages';

/**
 * The messages the client components below need, in the page's language: each part
 * of the product names its namespaces, so a page carries its own words, not all.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider messages={pickMessages(locale, ['common', 'shell', ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
