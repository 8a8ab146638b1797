import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { TeamSearch } from './team-search';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.organizations');
  return { title: t('metaTitle') };
}

export default async function AdminOrganizationsPage() {
  await requireAdmin('/admin/organizations');
  const t = await getTranslations('admin.organizations');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <TeamSearch />
    </>
  );
}
