import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import { TrpcReactProvider } from './_components/trpc-provider';
import './globals.css';

// The CSP nonce is per request, so every page is rendered per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Lean SaaS', template: '%s · Lean SaaS' },
  description:
    'An open-source SaaS starter: sign-up, API keys, billing and a typed API, ready to ship.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <TrpcReactProvider>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
            {children}
          </main>
          <SiteFooter />
        </TrpcReactProvider>
      </body>
    </html>
  );
}
