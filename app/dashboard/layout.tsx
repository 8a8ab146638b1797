import type { ReactNode } from 'react';

import { getPageIdentity } from '@/server/page-session';

import { DashboardNav } from './_components/dashboard-nav';
import { OrganizationSwitcher } from './_components/organization-switcher';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const identity = await getPageIdentity();
  const isAdmin = identity.kind === 'user' && identity.permissions.includes('admin');
  return (
    <div>
      {identity.kind === 'user' && <OrganizationSwitcher />}
      <DashboardNav isAdmin={isAdmin} />
      {children}
    </div>
  );
}
