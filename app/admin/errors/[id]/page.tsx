import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireAdmin } from '@/server/page-session';

import { ErrorReportDetail } from './error-report-detail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.errorReport');
  return { title: t('metaTitle') };
}

export default async function AdminErrorReportPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireAdmin(`/admin/errors/${encodeURIComponent(id)}`);
  return <ErrorReportDetail id={id} />;
}
