'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import {
  CurrentPasswordField,
  EmailField,
  FormMessage,
  SubmitButton,
} from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { changeEmailInput } from '@/server/auth/schemas';

export function ChangeEmailForm({ email }: { email: string }) {
  const t = useTranslations('profile.email');
  const trpc = useTRPC();
  const form = useValidatedForm(changeEmailInput, {
    newEmail: t('newEmail'),
    currentPassword: t('password'),
  });
  const change = useMutation(
    trpc.me.changeEmail.mutationOptions({
      // It says where to look next: longer than the usual few seconds to read it.
      onSuccess: (result) => toast.success(result.message, { duration: 10_000 }),
      onError: form.failed,
    }),
  );

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({
          newEmail: String(data.get('newEmail') ?? ''),
          currentPassword: String(data.get('currentPassword') ?? ''),
        }),
        (input) => change.mutate(input),
      )}
      className="max-w-sm space-y-4"
      noValidate
      aria-label={t('form')}
    >
      <p className="text-sm text-muted-foreground">
        {t.rich('current', {
          email,
          address: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
        })}
      </p>
      <EmailField label={t('newEmail')} {...form.field('newEmail')} />
      <CurrentPasswordField label={t('passwordField')} {...form.field('currentPassword')} />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={change.isPending}>{t('submit')}</SubmitButton>
    </form>
  );
}
