import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { defaultAuthProvider } from '@/server/auth/default-provider';
import { requireUser } from '@/server/page-session';

import { SessionList } from './session-list';
import { SignOutOthers } from './sign-out-others';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sessions.page');
  return { title: t('metaTitle') };
}

export default async function SessionsPage() {
  await requireUser('/dashboard/sessions');
  const t = await getTranslations('sessions.page');
  // Supabase Auth keeps its sessions to itself: no list, only "sign out the others".
  const listed = (await defaultAuthProvider()).kind === 'built-in';
  return (
    <div>
      <PageHeader
        title={t('title')}
        description={listed ? t('descriptionListed') : t('descriptionUnlisted')}
        actions={<SignOutOthers listed={listed} />}
      />
      {listed ? (
        <SessionList />
      ) : (
        <Card>
          <CardContent className="text-sm text-muted-foreground">{t('unlisted')}</CardContent>
        </Card>
      )}
    </div>
  );
}
