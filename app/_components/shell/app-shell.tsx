import { cookies } from 'next/headers';
import type { ReactNode } from 'react';

import type { SignedIn } from '@/server/identity';

import { AccountMenu } from './account-menu';
import { Breadcrumbs } from './breadcrumbs';
import { ImpersonationBanner } from './impersonation-banner';
import { OrganizationSwitcher } from './organization-switcher';
import { MobileSidebar, Sidebar, SIDEBAR_COOKIE } from './sidebar';

/** The signed-in app (dashboard and admin): sidebar, top bar, and the page. */
export async function AppShell({ user, children }: { user: SignedIn; children: ReactNode }) {
  const isAdmin = user.permissions.includes('admin');
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === 'collapsed';
  const switcher = <OrganizationSwitcher />;
  return (
    <div className="flex min-h-screen">
      <Sidebar isAdmin={isAdmin} initiallyCollapsed={collapsed} switcher={switcher} />
      <div className="flex min-w-0 flex-1 flex-col">
        {user.impersonatorId && <ImpersonationBanner email={user.claims.email ?? user.userId} />}
        <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-border bg-background/95 px-4 backdrop-blur">
          <MobileSidebar isAdmin={isAdmin} switcher={switcher} />
          <Breadcrumbs />
          <div className="ml-auto">
            <AccountMenu email={user.claims.email ?? null} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
