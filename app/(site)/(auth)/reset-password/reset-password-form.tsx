'use client';

import { useMutation } from '@tanstack/react-query';

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
  const trpc = useTRPC();
  const form = useValidatedForm(resetForm, {
    token: 'The reset link',
    newPassword: 'New password',
  });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onError: form.failed }));

  if (reset.isSuccess) {
    return (
      <p role="status" className="text-emerald-700 dark:text-emerald-300">
        Your password is changed. <TextLink href="/sign-in">Sign in with it</TextLink>
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
      <NewPasswordField {...form.field('newPassword')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="revokeApiKeys" defaultChecked />
        Also revoke my API keys
      </label>
      {form.errors.token && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {form.errors.token}. Ask for a new one on the{' '}
          <TextLink href="/forgot-password">forgot-password page</TextLink>.
        </p>
      )}
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={reset.isPending}>Set my new password</SubmitButton>
    </form>
  );
}
