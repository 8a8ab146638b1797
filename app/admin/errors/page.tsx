import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { ErrorReports } from './error-reports';

export const metadata: Metadata = { title: 'Error reports · Admin' };

export default async function AdminErrorsPage() {
  await requireAdmin('/admin/errors');
  return (
    <>
      <PageHeader
        title="Error reports"
        description="Errors from the browser and the server, grouped by fingerprint, the 50 most recently seen first. A resolved report opens again if its error comes back."
      />
      <ErrorReports />
    </>
  );
}
