import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { AuditLog } from './audit-log';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditLogPage() {
  await requireUser('/dashboard/audit');
  // The header is drawn by AuditLog: its Export button exports the filters applied there.
  return <AuditLog />;
}
