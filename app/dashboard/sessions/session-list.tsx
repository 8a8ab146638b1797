'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MonitorSmartphoneIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import type { RouterOutputs } from '@/app/_components/api-types';
import { useDeviceName } from '@/app/_components/device-name';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';

type Session = RouterOutputs['sessions']['list'][number];

function SessionRow({
  session,
  revoke,
}: {
  session: Session;
  revoke: { run: (id: string) => Promise<unknown>; isPending: boolean };
}) {
  const t = useTranslations('sessions.session');
  const deviceName = useDeviceName();
  const device = deviceName(session.userAgent);
  const confirmRevoke = () =>
    revoke.run(session.id).then(
      () => toast.success(t('revoked', { device })),
      (error: Error) => toast.error(t('revokeFailed', { device, error: error.message })),
    );
  return (
    <TableRow aria-label={t('label', { device })}>
      <TableCell>
        <span className="flex flex-wrap items-center gap-2 font-medium">
          <span title={session.userAgent ?? undefined}>{device}</span>
          {session.current && <Badge tone="good">{t('thisDevice')}</Badge>}
        </span>
      </TableCell>
      <TableCell className="break-all">{session.ip ?? t('unknownAddress')}</TableCell>
      <TableCell>
        <DateTime value={session.createdAt} />
        <span className="block text-sm text-muted-foreground">
          {t(`method.${session.method}`)}
          {session.secondFactorAt && ` ${t('withSecondFactor')}`}
        </span>
      </TableCell>
      <TableCell>
        <DateTime value={session.lastSeenAt} />
      </TableCell>
      <TableCell className="text-right">
        {!session.current && (
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm" aria-label={t('revokeLabel', { device })}>
                {t('revoke')}
              </Button>
            }
            title={t('revokeTitle', { device })}
            description={t('revokeDescription')}
            confirmLabel={t('revokeConfirm')}
            onConfirm={confirmRevoke}
            pending={revoke.isPending}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/** Everywhere the account is signed in (the built-in auth lists its sessions). */
export function SessionList() {
  const t = useTranslations('sessions.list');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions());
  const revoke = useMutation(
    trpc.sessions.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() }),
    }),
  );

  if (sessions.isPending) return <LoadingLines label={t('loading')} />;
  const failed = <ErrorState title={t('loadFailed')} onRetry={() => sessions.refetch()} />;
  if (sessions.isLoadingError) return failed;
  if (sessions.data.length === 0) {
    if (sessions.isRefetchError) return failed;
    return <EmptyState icon={MonitorSmartphoneIcon} title={t('empty')} />;
  }
  const run = (id: string) => revoke.mutateAsync({ id });
  const columns = [
    t('columns.device'),
    t('columns.address'),
    t('columns.signedIn'),
    t('columns.lastSeen'),
    <span key="actions" className="sr-only">
      {t('columns.actions')}
    </span>,
  ];
  // A failed refresh keeps the rows (and any dialog open on one) and says so above.
  return (
    <>
      {sessions.isRefetchError && failed}
      <Table caption={t('caption')} columns={columns}>
        {sessions.data.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            revoke={{ run, isPending: revoke.isPending }}
          />
        ))}
      </Table>
    </>
  );
}
