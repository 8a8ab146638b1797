import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { TextLink } from '@/app/_components/ui/text-link';

import { configuredOAuthProviders } from '@/server/auth/oauth/providers';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';
import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { CredentialsForm } from '../_components/credentials-form';
import { OAuthButtons } from '../_components/oauth-buttons';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signUp');
  return { title: t('metaTitle') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth.signUp');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <OAuthButtons providers={configuredOAuthProviders()} />
      <p className="text-muted-foreground">{t('passwordHint', { min: PASSWORD_MIN_LENGTH })}</p>
      <CredentialsForm
        mode="sign-up"
        mailboxUrl={devMailboxEnabled() ? '/dev/mailbox' : undefined}
      />
      <p className="text-sm">
        {t.rich('haveAccount', {
          link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
        })}
      </p>
    </div>
  );
}
