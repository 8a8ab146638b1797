'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

import { Field, FormMessage, NewPasswordField, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => succeeded('Password changed. Your other devices are signed out.'),
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = new FormData(event.currentTarget);
    change.mutate({
      currentPassword: String(form.get('currentPassword')),
      newPassword: String(form.get('newPassword')),
    });
    event.currentTarget.reset();
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate aria-label="Change password">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordField />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={change.isPending}>Change password</SubmitButton>
    </form>
  );
}
