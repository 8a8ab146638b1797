'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

type Mode = 'sign-in' | 'sign-up';

/**
 * Only a path on this origin is followed after sign-in. Resolving it as the browser
 * would catches tricks like `/\\evil.example` or `/%09/evil.example`.
 */
function safeNext(next: string | undefined) {
  if (!next) return '/dashboard';
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin
    ? `${target.pathname}${target.search}${target.hash}`
    : '/dashboard';
}

export function CredentialsForm({ mode, next }: { mode: Mode; next?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: () => {
        router.push(safeNext(next));
        router.refresh();
      },
      onError: failed,
    }),
  );
  // Sign-up signs nobody in: the account starts once the mailed link is opened.
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: (result) => succeeded(result.message),
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    if (mode === 'sign-in') signIn.mutate({ email, password });
    else
      signUp.mutate({ email, password, displayName: String(form.get('displayName')) || undefined });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      {mode === 'sign-up' && <Field label="Name" name="displayName" autoComplete="name" />}
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        minLength={mode === 'sign-up' ? 8 : undefined}
        autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
      />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={signIn.isPending || signUp.isPending}>
        {mode === 'sign-in' ? 'Sign in' : 'Create account'}
      </SubmitButton>
    </form>
  );
}
