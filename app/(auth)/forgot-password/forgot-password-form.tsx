'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const request = useMutation(
    trpc.auth.forgotPassword.mutationOptions({
      onSuccess: (result) => succeeded(result.message),
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email')) });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={request.isPending}>Send me a link</SubmitButton>
    </form>
  );
}
