import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { ClientMessages } from './_components/client-messages';
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
        {/* The page's language, and the words every page's client components share. */}
        <ClientMessages namespaces={[]}>
          <Providers nonce={nonce}>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
