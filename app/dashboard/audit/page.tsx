import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireUser } from '@/server/page-session';

import { AuditLog } from './audit-log';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('metaTitle') };
}

export default async function AuditLogPage() {
  await requireUser('/dashboard/audit');
  // The header is drawn by AuditLog: its Export button exports the filters applied there.
  return <AuditLog />;
}
