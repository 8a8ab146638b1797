import type { ReactNode } from 'react';

import { ClientMessages } from '@/app/_components/client-messages';
import { AppShell } from '@/app/_components/shell/app-shell';
import { requireAdmin } from '@/server/page-session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin('/admin');
  return (
    <AppShell user={admin}>
      <ClientMessages namespaces={['admin']}>{children}</ClientMessages>
    </AppShell>
  );
}
