import type { ReactNode } from 'react';

import { ClientMessages } from '@/app/_components/client-messages';
import { SiteFooter } from '@/app/_components/site-footer';
import { SiteHeader } from '@/app/_components/site-header';

/** The public pages: the site's header and footer around the page. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
        {/* Pricing uses the billing buttons. */}
        <ClientMessages
          namespaces={['marketing', 'auth', 'invitations', 'docs', 'mailbox', 'billing']}
        >
          {children}
        </ClientMessages>
      </main>
      <SiteFooter />
    </div>
  );
}
