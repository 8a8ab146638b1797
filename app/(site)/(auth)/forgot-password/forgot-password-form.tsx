'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { EmailField, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { forgotPasswordInput } from '@/server/auth/schemas';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const trpc = useTRPC();
  const form = useValidatedForm(forgotPasswordInput, { email: t('fields.email') });
  const request = useMutation(
    trpc.auth.forgotPassword.mutationOptions({
      onSuccess: (result) => form.succeeded(result.message),
      onError: form.failed,
    }),
  );

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({ email: String(data.get('email') ?? '') }),
        (input) => request.mutate(input),
      )}
      className="space-y-4"
      noValidate
    >
      <EmailField label={t('fields.email')} {...form.field('email')} />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={request.isPending}>{t('forgotPassword.submit')}</SubmitButton>
    </form>
  );
}
