import type { ReactNode } from 'react';

import { requireAdmin } from '@/server/page-session';

import { AdminNav } from './_components/admin-nav';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin('/admin');
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
