import type { ReactNode } from 'react';

import { ClientMessages } from '@/app/_components/client-messages';
import { AppShell } from '@/app/_components/shell/app-shell';
import { getPageIdentity } from '@/server/page-session';

const DASHBOARD_NAMESPACES = [
  'overview',
  'apiKeys',
  'sessions',
  'profile',
  'audit',
  'billing',
  'organizations',
] as const;

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const identity = await getPageIdentity();
  // Signed out: each page redirects to sign-in itself, with its own address to return to.
  if (identity.kind !== 'user') return children;
  return (
    <AppShell user={identity}>
      <ClientMessages namespaces={DASHBOARD_NAMESPACES}>{children}</ClientMessages>
    </AppShell>
  );
}
