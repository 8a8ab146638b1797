import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireAdmin } from '@/server/page-session';

import { SystemOverview } from './system-overview';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.system');
  return { title: t('metaTitle') };
}

export default async function AdminSystemPage() {
  await requireAdmin('/admin/system');
  return <SystemOverview />;
}
