'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';

import { SignOutButton } from '@/app/_components/sign-out-button';
import { useTRPC } from '@/app/_components/trpc-provider';

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accept = useMutation(
    trpc.organizations.acceptInvitation.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.organizations.list.queryKey() }),
    }),
  );
  if (accept.isSuccess) {
    return (
      <p className="text-emerald-700 dark:text-emerald-400">
        {accept.data.joined
          ? `You have joined ${accept.data.organizationName} as ${accept.data.role}.`
          : `You are already a member of ${accept.data.organizationName}.`}{' '}
        <Link href="/dashboard/organizations" className="underline">
          Go to your organizations
        </Link>
      </p>
    );
  }
  // A used, revoked, replaced or expired link stays so: nothing to try again.
  const status = accept.error?.data?.httpStatus;
  if (status === 404 || status === 409) {
    return (
      <div role="alert" className="space-y-1 text-sm">
        <p className="text-red-600 dark:text-red-400">{accept.error?.message}</p>
        <p>
          <Link href="/dashboard/organizations" className="underline">
            Go to your organizations
          </Link>
        </p>
      </div>
    );
  }
  const details = accept.error?.data?.details as { reason?: string } | undefined;
  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={accept.isPending}
        onClick={() => accept.mutate({ token })}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Accept the invitation
      </button>
      {accept.isError && (
        <div role="alert" className="space-y-1 text-sm text-red-600 dark:text-red-400">
          <p>{accept.error.message}</p>
          {details?.reason === 'wrong-address' && (
            <p className="underline">
              <SignOutButton
                label="Sign out, to sign in with the invited address"
                next={`/sign-in?next=${encodeURIComponent(`/invitations/accept?token=${token}`)}`}
              />
            </p>
          )}
        </div>
      )}
    </div>
  );
}
