import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { redirect } from 'next/navigation';

import { TextLink } from '@/app/_components/ui/text-link';
import { getPageIdentity } from '@/server/page-session';

import { authProviderKind } from '@/server/auth/default-provider';
import { configuredOAuthProviders } from '@/server/auth/oauth/providers';
import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { OAuthButtons } from '../_components/oauth-buttons';
import { SignInMethods } from './sign-in-methods';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const t = await getTranslations('auth.signIn');
  const { next: nextParam, oauth_error: oauthError } = await searchParams;
  const next = typeof nextParam === 'string' ? nextParam : undefined;
  // Signed in up to the second factor: the code step, not a second password.
  const identity = await getPageIdentity();
  if (identity.kind === 'anonymous' && identity.pendingSecondFactor) {
    redirect(next ? `/sign-in/two-factor?next=${encodeURIComponent(next)}` : '/sign-in/two-factor');
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <OAuthButtons
        providers={configuredOAuthProviders()}
        next={next}
        error={typeof oauthError === 'string' ? oauthError : undefined}
      />
      <SignInMethods
        next={next}
        mailboxUrl={devMailboxEnabled() ? '/dev/mailbox' : undefined}
        passkeys={authProviderKind() === 'built-in'}
      />
      {devMailboxEnabled() && (
        <p className="text-sm">
          {t.rich('devMailbox', {
            link: (chunks) => <TextLink href="/dev/mailbox">{chunks}</TextLink>,
          })}
        </p>
      )}
      <p className="text-sm">
        <TextLink href="/forgot-password">{t('forgotPassword')}</TextLink>
      </p>
      <p className="text-sm">
        {t.rich('newHere', {
          link: (chunks) => <TextLink href="/sign-up">{chunks}</TextLink>,
        })}
      </p>
    </div>
  );
}
