import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { ErrorReports } from './error-reports';

export const metadata: Metadata = { title: 'Error reports · Admin' };

export default async function AdminErrorsPage() {
  await requireAdmin('/admin/errors');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Error reports</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Errors from the browser and the server, grouped by fingerprint, the 50 most recently seen
          first. A resolved report opens again if its error comes back.
        </p>
      </div>
      <ErrorReports />
    </div>
  );
}
