import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { authProviderKind } from '@/server/auth/default-provider';
import { pageCaller, requireUser } from '@/server/page-session';

import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { Passkeys } from './passkeys';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile.page');
  return { title: t('metaTitle') };
}

export default async function ProfilePage() {
  await requireUser('/dashboard/profile');
  const t = await getTranslations('profile.page');
  const me = await (await pageCaller()).me.get();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <CardHeader>
          <CardTitle>{t('detailsTitle')}</CardTitle>
          <CardDescription>{t('detailsDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm displayName={me.displayName ?? ''} avatarUrl={me.avatarUrl ?? ''} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('emailTitle')}</CardTitle>
          <CardDescription>{t('emailDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangeEmailForm email={me.email ?? ''} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('passwordTitle')}</CardTitle>
          <CardDescription>{t('passwordDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      {authProviderKind() === 'built-in' && (
        <Card>
          <CardHeader>
            <CardTitle>{t('passkeysTitle')}</CardTitle>
            <CardDescription>{t('passkeysDescription')}</CardDescription>
          </CardHeader>
          <CardContent>
            <Passkeys />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
