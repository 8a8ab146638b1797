import type { ReactNode } from 'react';

import { AppShell } from '@/app/_components/shell/app-shell';
import { requireAdmin } from '@/server/page-session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin('/admin');
  return <AppShell user={admin}>{children}</AppShell>;
}
