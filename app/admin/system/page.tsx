import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { SystemOverview } from './system-overview';

export const metadata: Metadata = { title: 'System · Admin' };

export default async function AdminSystemPage() {
  await requireAdmin('/admin/system');
  return <SystemOverview />;
}
