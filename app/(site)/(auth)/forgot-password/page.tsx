import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { TextLink } from '@/app/_components/ui/text-link';

import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forgotPassword');
  return { title: t('metaTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgotPassword');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-muted-foreground">{t('intro')}</p>
      <ForgotPasswordForm />
      <p className="text-sm">
        {t.rich('remembered', {
          link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
        })}
      </p>
    </div>
  );
}
