import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireUser } from '@/server/page-session';

import { Organizations } from './organizations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations');
  return { title: t('list.metaTitle') };
}

export default async function OrganizationsPage() {
  await requireUser('/dashboard/organizations');
  const t = await getTranslations('organizations');
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <Button asChild>
            <a href="#create-a-team">{t('list.newTeam')}</a>
          </Button>
        }
      />
      <Organizations />
    </>
  );
}
