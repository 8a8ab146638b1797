import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';

import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.resetPassword');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const t = await getTranslations('auth.resetPassword');
  const { token } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-muted-foreground">{t('intro', { min: PASSWORD_MIN_LENGTH })}</p>
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </div>
  );
}
