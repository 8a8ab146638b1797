import type { ReactNode } from 'react';

import { DashboardNav } from './_components/dashboard-nav';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <DashboardNav />
      {children}
    </div>
  );
}
