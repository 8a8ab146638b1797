import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireAdmin } from '@/server/page-session';

import { UserDetail } from './user-detail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.user');
  return { title: t('metaTitle') };
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/users/${encodeURIComponent(id)}`);
  return <UserDetail userId={id} />;
}
