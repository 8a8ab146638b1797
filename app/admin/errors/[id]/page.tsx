import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { ErrorReportDetail } from './error-report-detail';

export const metadata: Metadata = { title: 'Error report · Admin' };

export default async function AdminErrorReportPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireAdmin(`/admin/errors/${encodeURIComponent(id)}`);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Error report</h1>
      <ErrorReportDetail id={id} />
    </div>
  );
}
