import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { TextLink } from '@/app/_components/ui/text-link';

import { verifyEmailInput } from '@/server/auth/schemas';

import { ConfirmEmail } from './confirm-email';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.verifyEmail');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const t = await getTranslations('auth.verifyEmail');
  const { token, type } = await searchParams;
  if (!verifyEmailInput.shape.token.safeParse(token).success) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p role="alert" className="max-w-prose">
          {t.rich('invalidLink', {
            link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      {/* Confirming takes a click, so mail scanners that open links confirm nothing. */}
      <ConfirmEmail
        token={token as string}
        // Supabase Auth's links name their kind; the built-in provider's do not need to.
        type={type === 'email' || type === 'email_change' ? type : undefined}
      />
    </div>
  );
}
