'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MonitorSmartphoneIcon } from 'lucide-react';

import type { RouterOutputs } from '@/app/_components/api-types';
import { deviceName } from '@/app/_components/device-name';
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

const COLUMNS = [
  'Device',
  'Address',
  'Signed in',
  'Last seen',
  <span key="actions" className="sr-only">
    Actions
  </span>,
];

function SessionRow({
  session,
  revoke,
}: {
  session: Session;
  revoke: { run: (id: string) => Promise<unknown>; isPending: boolean };
}) {
  const device = deviceName(session.userAgent);
  const confirmRevoke = () =>
    revoke.run(session.id).then(
      () => toast.success(`Signed out ${device}.`),
      (error: Error) => toast.error(`Could not sign out ${device}: ${error.message}`),
    );
  return (
    <TableRow aria-label={`Session on ${device}`}>
      <TableCell>
        <span className="flex flex-wrap items-center gap-2 font-medium">
          <span title={session.userAgent ?? undefined}>{device}</span>
          {session.current && <Badge tone="good">This device</Badge>}
        </span>
      </TableCell>
      <TableCell className="break-all">{session.ip ?? 'unknown address'}</TableCell>
      <TableCell>
        <DateTime value={session.createdAt} />
      </TableCell>
      <TableCell>
        <DateTime value={session.lastSeenAt} />
      </TableCell>
      <TableCell className="text-right">
        {!session.current && (
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm" aria-label={`Revoke the session on ${device}`}>
                Revoke
              </Button>
            }
            title={`Sign out ${device}?`}
            description="That browser is signed out at once; whoever uses it must sign in again."
            confirmLabel="Revoke session"
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions());
  const revoke = useMutation(
    trpc.sessions.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() }),
    }),
  );

  if (sessions.isPending) return <LoadingLines label="Loading sessions…" />;
  if (sessions.isError) {
    return <ErrorState title="Could not load your sessions." onRetry={() => sessions.refetch()} />;
  }
  if (sessions.data.length === 0) {
    return <EmptyState icon={MonitorSmartphoneIcon} title="No sessions are signed in." />;
  }
  const run = (id: string) => revoke.mutateAsync({ id });
  return (
    <Table caption="Where you are signed in" columns={COLUMNS}>
      {sessions.data.map((session) => (
        <SessionRow
          key={session.id}
          session={session}
          revoke={{ run, isPending: revoke.isPending }}
        />
      ))}
    </Table>
  );
}
