'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LinkIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { PROVIDER_NAMES, type OAuthProviderName } from '@/app/_components/oauth-words';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';

/**
 * "Connected accounts": the linked GitHub and Google identities, a way to connect
 * another (the OAuth flow, started while signed in) and to disconnect one, which the
 * server refuses for the last way into an account without a password.
 */
export function IdentityList({ providers }: { providers: readonly OAuthProviderName[] }) {
  const t = useTranslations('profile.identities');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const identities = useQuery(trpc.identities.list.queryOptions());
  const unlink = useMutation(
    trpc.identities.unlink.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.identities.list.queryKey() }),
    }),
  );

  if (identities.isPending) return <LoadingLines label={t('loading')} />;
  if (identities.isError) {
    return <ErrorState title={t('loadFailed')} onRetry={() => identities.refetch()} />;
  }
  const { identities: linked, hasPassword } = identities.data;
  const lastWayIn = hasPassword === false && linked.length === 1;
  return (
    <div className="space-y-4">
      {linked.length === 0 ? (
        <EmptyState icon={LinkIcon} title={t('none')} />
      ) : (
        <Table caption={t('caption')} columns={[t('caption'), t('linkedAt'), '']}>
          {linked.map((identity) => {
            const provider = PROVIDER_NAMES[identity.provider];
            return (
              <TableRow key={identity.id}>
                <TableCell className="font-medium break-all">
                  {identity.email ? t('linkedAs', { provider, email: identity.email }) : provider}
                </TableCell>
                <TableCell>
                  <DateTime value={identity.createdAt} />
                </TableCell>
                <TableCell className="text-right">
                  <ConfirmDialog
                    trigger={
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={t('unlinkLabel', { provider })}
                      >
                        {t('unlink')}
                      </Button>
                    }
                    title={t('unlinkTitle', { provider })}
                    description={lastWayIn ? t('lastWayIn') : t('unlinkDescription', { provider })}
                    confirmLabel={t('unlink')}
                    pending={unlink.isPending}
                    onConfirm={() =>
                      unlink.mutateAsync({ id: identity.id }).then(
                        () => toast.success(t('unlinked', { provider })),
                        (error: Error) =>
                          toast.error(t('unlinkFailed', { provider, error: error.message })),
                      )
                    }
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      )}
      <div className="flex flex-wrap gap-2">
        {providers.map((provider) => (
          <Button key={provider} asChild variant="outline">
            <a href={`/auth/oauth/${provider}/start?link=1`}>
              {t('connect', { provider: PROVIDER_NAMES[provider] })}
            </a>
          </Button>
        ))}
      </div>
    </div>
  );
}
