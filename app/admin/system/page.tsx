import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { SystemOverview } from './system-overview';

export const metadata: Metadata = { title: 'System · Admin' };

export default async function AdminSystemPage() {
  await requireAdmin('/admin/system');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">System</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Live health and alerts, this server process&rsquo;s last hour, and the business counts.
          The page refreshes every 30 seconds.
        </p>
      </div>
      <SystemOverview />
    </div>
  );
}
