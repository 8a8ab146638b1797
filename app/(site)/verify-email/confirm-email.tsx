'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';

import { useTRPC } from '@/app/_components/trpc-provider';

export function ConfirmEmail({ token, type }: { token: string; type?: 'email' | 'email_change' }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <p className="text-emerald-700 dark:text-emerald-400">
        {verify.data.emailChanged
          ? 'Your new email address is confirmed and now signs you in.'
          : 'Your email is confirmed.'}{' '}
        <Link href="/dashboard" className="underline">
          Go to your dashboard
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={verify.isPending}
        onClick={() => verify.mutate({ token, type })}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Confirm my email
      </button>
      {verify.isError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {verify.error.message}
        </p>
      )}
    </div>
  );
}
