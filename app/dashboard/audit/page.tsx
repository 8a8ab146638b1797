import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { AuditLog } from './audit-log';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditLogPage() {
  await requireUser('/dashboard/audit');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Everything that happened to your account, newest first.
        </p>
      </div>
      <AuditLog />
    </div>
  );
}
