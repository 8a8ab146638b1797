'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { FormEvent } from 'react';

import { FormMessage, NewPasswordField, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const { outcome, clear, failed } = useFormOutcome();
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onError: failed,
    }),
  );

  if (reset.isSuccess) {
    return (
      <p role="status" className="text-emerald-700 dark:text-emerald-400">
        Your password is changed.{' '}
        <Link href="/sign-in" className="underline">
          Sign in with it
        </Link>
      </p>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = new FormData(event.currentTarget);
    reset.mutate({
      token,
      newPassword: String(form.get('newPassword')),
      revokeApiKeys: form.get('revokeApiKeys') === 'on',
    });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      <NewPasswordField />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="revokeApiKeys" defaultChecked />
        Also revoke my API keys
      </label>
      <FormMessage outcome={outcome} />
      <SubmitButton pending={reset.isPending}>Set my new password</SubmitButton>
    </form>
  );
}
