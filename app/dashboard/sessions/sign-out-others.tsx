'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOutIcon } from 'lucide-react';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { toast } from '@/app/_components/ui/toaster';

/**
 * Signs out every session but this one, after asking. `listed` is false under
 * Supabase Auth: there is no list to count, so the button stays until it has worked.
 */
export function SignOutOthers({ listed }: { listed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The same query as the list below: one request serves both.
  const sessions = useQuery(trpc.sessions.list.queryOptions(undefined, { enabled: listed }));
  const revokeOthers = useMutation(
    trpc.sessions.revokeOthers.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() }),
    }),
  );
  const nothingElse = listed ? (sessions.data?.length ?? 0) < 2 : revokeOthers.isSuccess;
  const signOut = () =>
    revokeOthers.mutateAsync().then(
      () => toast.success('Your other devices are signed out.'),
      (error: Error) => toast.error(`Could not sign out your other devices: ${error.message}`),
    );

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" disabled={nothingElse || revokeOthers.isPending}>
          <LogOutIcon aria-hidden />
          Sign out everywhere else
        </Button>
      }
      title="Sign out everywhere else?"
      description={
        listed
          ? 'Every other browser and device signed in to your account is signed out at once. This one stays signed in.'
          : 'Every other browser and device is signed out once its current access token expires (an hour at most, by default). This one stays signed in.'
      }
      confirmLabel="Sign out other devices"
      onConfirm={signOut}
      pending={revokeOthers.isPending}
    />
  );
}
