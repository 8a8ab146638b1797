'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import {
  CurrentPasswordField,
  FormMessage,
  NewPasswordField,
  SubmitButton,
} from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';
import { changePasswordInput } from '@/server/auth/schemas';

const changePasswordForm = changePasswordInput.extend({
  newPassword: changePasswordInput.shape.newPassword.min(PASSWORD_MIN_LENGTH),
});

export function ChangePasswordForm() {
  const t = useTranslations('profile.password');
  const trpc = useTRPC();
  const form = useValidatedForm(changePasswordForm, {
    currentPassword: t('currentPassword'),
    newPassword: t('newPassword'),
  });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => toast.success(t('changed')),
      onError: form.failed,
    }),
  );

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({
          currentPassword: String(data.get('currentPassword') ?? ''),
          newPassword: String(data.get('newPassword') ?? ''),
        }),
        (input) => change.mutate(input),
      )}
      className="max-w-sm space-y-4"
      noValidate
      aria-label={t('form')}
    >
      <CurrentPasswordField label={t('currentPassword')} {...form.field('currentPassword')} />
      <NewPasswordField label={t('newPassword')} {...form.field('newPassword')} />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={change.isPending}>{t('submit')}</SubmitButton>
    </form>
  );
}
