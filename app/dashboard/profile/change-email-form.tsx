'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

export function ChangeEmailForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const change = useMutation(
    trpc.me.changeEmail.mutationOptions({
      onSuccess: (result) => succeeded(result.message),
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = new FormData(event.currentTarget);
    change.mutate({
      newEmail: String(form.get('newEmail')),
      currentPassword: String(form.get('currentPassword')),
    });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate aria-label="Change email">
      <p className="text-sm">
        Current address: <span className="font-medium">{email}</span>
      </p>
      <Field label="New email" name="newEmail" type="email" required autoComplete="email" />
      <Field
        label="Password for the email change"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={change.isPending}>Change email</SubmitButton>
    </form>
  );
}
