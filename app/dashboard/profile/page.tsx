import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { oauthErrorKey, PROVIDER_NAMES } from '@/app/_components/oauth-words';
import { PageHeader } from '@/app/_components/ui/page-header';
import { authProviderKind } from '@/server/auth/default-provider';
import { linkableOAuthProviders } from '@/server/auth/oauth/providers';
import { pageCaller, requireUser } from '@/server/page-session';

import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { IdentityList } from './identity-list';
import { Passkeys } from './passkeys';
import { ProfileForm } from './profile-form';
import { TwoFactorSection } from './two-factor-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile.page');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProfilePage({ searchParams }: Props) {
  await requireUser('/dashboard/profile');
  const t = await getTranslations('profile.page');
  const tIdentities = await getTranslations('profile.identities');
  const tOAuth = await getTranslations('auth.oauth');
  const t2 = await getTranslations('profile.twoFactor');
  // `required`: sent here by the admin area (ADMIN_REQUIRE_2FA) to turn two-factor on.
  const { linked, oauth_error: oauthError, required } = await searchParams;
  const providers = linkableOAuthProviders();
  const errorKey = oauthErrorKey(oauthError);
  const caller = await pageCaller();
  const [me, twoFactor] = await Promise.all([caller.me.get(), caller.auth.twoFactor.status()]);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t('title')} description={t('description')} />
      {required === 'two-factor' && !twoFactor.enabled && (
        <p role="alert" className="rounded-md border border-border bg-muted/50 p-3 text-sm">
          {t2('adminRequired')}
        </p>
      )}
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
      <Card>
        <CardHeader>
          <CardTitle>{t2('title')}</CardTitle>
          <CardDescription>{t2('description')}</CardDescription>
        </CardHeader>
        <CardContent>
          <TwoFactorSection status={twoFactor} />
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
      {providers.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{tIdentities('title')}</CardTitle>
            <CardDescription>{tIdentities('description')}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {(linked === 'github' || linked === 'google') && (
              <p role="status" className="text-sm">
                {tIdentities('linked', { provider: PROVIDER_NAMES[linked] })}
              </p>
            )}
            {errorKey && (
              <p role="alert" className="text-sm text-red-600 dark:text-red-400">
                {tOAuth(`errors.${errorKey}`)}
              </p>
            )}
            <IdentityList providers={providers} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
