import type { ReactNode } from 'react';

import { AppShell } from '@/app/_components/shell/app-shell';
import { getPageIdentity } from '@/server/page-session';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const identity = await getPageIdentity();
  // Signed out: each page redirects to sign-in itself, with its own address to return to.
  if (identity.kind !== 'user') return children;
  return <AppShell user={identity}>{children}</AppShell>;
}
