'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { TextLink } from '@/app/_components/ui/text-link';

export function ConfirmEmail({ token, type }: { token: string; type?: 'email' | 'email_change' }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <p role="status" className="text-emerald-700 dark:text-emerald-300">
        {verify.data.emailChanged
          ? 'Your new email address is confirmed and now signs you in.'
          : 'Your email is confirmed.'}{' '}
        <TextLink href="/dashboard">Go to your dashboard</TextLink>
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <Button disabled={verify.isPending} onClick={() => verify.mutate({ token, type })}>
        Confirm my email
      </Button>
      {verify.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {verify.error.message}
        </p>
      )}
    </div>
  );
}
