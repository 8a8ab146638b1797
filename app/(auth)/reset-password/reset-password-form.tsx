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
    const newPassword = String(new FormData(event.currentTarget).get('newPassword'));
    reset.mutate({ token, newPassword });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      <NewPasswordField />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={reset.isPending}>Set my new password</SubmitButton>
    </form>
  );
}
