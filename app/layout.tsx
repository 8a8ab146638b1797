import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Providers } from './_components/providers';
import './globals.css';

// The CSP nonce is per request, so every page is rendered per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: 'Lean SaaS', template: '%s · Lean SaaS' },
    description: t('description'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [nonce, locale, t] = await Promise.all([
    headers().then((incoming) => incoming.get('x-nonce') ?? ''),
    getLocale(),
    getTranslations('common'),
  ]);
  return (
    // next-themes adds the theme class to <html> before React hydrates it.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-background focus:p-2"
        >
          {t('skipToContent')}
        </a>
        {/* The page's language and messages, for client components too. */}
        <NextIntlClientProvider>
          <Providers nonce={nonce}>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
