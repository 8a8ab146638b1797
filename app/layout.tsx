import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';

import { Providers } from './_components/providers';
import './globals.css';

// The CSP nonce is per request, so every page is rendered per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Lean SaaS', template: '%s · Lean SaaS' },
  description:
    'An open-source SaaS starter: sign-up, API keys, billing and a typed API, ready to ship.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? '';
  return (
    // next-themes adds the theme class to <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-background focus:p-2"
        >
          Skip to content
        </a>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
