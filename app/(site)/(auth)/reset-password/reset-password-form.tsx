'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { FormMessage, NewPasswordField, SubmitButton } from '@/app/_components/form';
import { TextLink } from '@/app/_components/ui/text-link';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';
import { resetPasswordInput } from '@/server/auth/schemas';

const resetForm = resetPasswordInput.extend({
  newPassword: resetPasswordInput.shape.newPassword.min(PASSWORD_MIN_LENGTH),
});

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  const trpc = useTRPC();
  const form = useValidatedForm(resetForm, {
    token: t('fields.resetLink'),
    newPassword: t('fields.newPassword'),
  });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onError: form.failed }));

  if (reset.isSuccess) {
    return (
      <p role="status" className="text-emerald-700 dark:text-emerald-300">
        {t.rich('resetPassword.done', {
          link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
        })}
      </p>
    );
  }

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({
          token,
          newPassword: String(data.get('newPassword') ?? ''),
          revokeApiKeys: data.get('revokeApiKeys') === 'on',
        }),
        (input) => reset.mutate(input),
      )}
      className="space-y-4"
      noValidate
    >
      <NewPasswordField label={t('fields.newPassword')} {...form.field('newPassword')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="revokeApiKeys" defaultChecked />
        {t('resetPassword.revokeApiKeys')}
      </label>
      {form.errors.token && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {t.rich('resetPassword.badLink', {
            error: form.errors.token,
            link: (chunks) => <TextLink href="/forgot-password">{chunks}</TextLink>,
          })}
        </p>
      )}
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={reset.isPending}>{t('resetPassword.submit')}</SubmitButton>
    </form>
  );
}
