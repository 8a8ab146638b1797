'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

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
  const [error, setError] = useState<string | null>(null);
  const onSuccess = () => {
    router.push(safeNext(next));
    router.refresh();
  };
  const onError = (cause: { message: string }) => setError(cause.message);
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess, onError }));
  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess, onError }));
  const pending = signIn.isPending || signUp.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    if (mode === 'sign-in') signIn.mutate({ email, password });
    else
      signUp.mutate({ email, password, displayName: String(form.get('displayName')) || undefined });
  }

  const input =
    'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900';
  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      {mode === 'sign-up' && (
        <label className="block">
          <span className="text-sm font-medium">Name</span>
          <input name="displayName" autoComplete="name" className={input} />
        </label>
      )}
      <label className="block">
        <span className="text-sm font-medium">Email</span>
        <input name="email" type="email" required autoComplete="email" className={input} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          required
          minLength={mode === 'sign-up' ? 8 : undefined}
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          className={input}
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {mode === 'sign-in' ? 'Sign in' : 'Create account'}
      </button>
    </form>
  );
}
