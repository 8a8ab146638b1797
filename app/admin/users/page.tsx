import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { UserSearch } from './user-search';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('metaTitle') };
}

export default async function AdminUsersPage() {
  await requireAdmin('/admin/users');
  const t = await getTranslations('admin.users');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <UserSearch />
    </>
  );
}
