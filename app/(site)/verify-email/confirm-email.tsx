'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { TextLink } from '@/app/_components/ui/text-link';

export function ConfirmEmail({ token, type }: { token: string; type?: 'email' | 'email_change' }) {
  const t = useTranslations('auth.verifyEmail');
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <p role="status" className="text-emerald-700 dark:text-emerald-300">
        {verify.data.emailChanged ? t('changeConfirmed') : t('confirmed')}{' '}
        <TextLink href="/dashboard">{t('toDashboard')}</TextLink>
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <Button disabled={verify.isPending} onClick={() => verify.mutate({ token, type })}>
        {t('confirm')}
      </Button>
      {verify.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {verify.error.message}
        </p>
      )}
    </div>
  );
}
