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
  return <ErrorReportDetail id={id} />;
}
