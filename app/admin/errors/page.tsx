import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { ErrorReports } from './error-reports';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.errors');
  return { title: t('metaTitle') };
}

export default async function AdminErrorsPage() {
  await requireAdmin('/admin/errors');
  const t = await getTranslations('admin.errors');
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { count: 50 })} />
      <ErrorReports />
    </>
  );
}
