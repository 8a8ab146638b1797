'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOutIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { toast } from '@/app/_components/ui/toaster';

/**
 * Signs out every session but this one, after asking. `listed` is false under
 * Supabase Auth: there is no list to count, so the button stays until it has worked.
 */
export function SignOutOthers({ listed }: { listed: boolean }) {
  const t = useTranslations('sessions.signOutOthers');
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
      () => toast.success(t('done')),
      (error: Error) => toast.error(t('failed', { error: error.message })),
    );

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" disabled={nothingElse || revokeOthers.isPending}>
          <LogOutIcon aria-hidden />
          {t('button')}
        </Button>
      }
      title={t('title')}
      description={listed ? t('descriptionListed') : t('descriptionUnlisted')}
      confirmLabel={t('confirm')}
      onConfirm={signOut}
      pending={revokeOthers.isPending}
    />
  );
}
