'use client';

import { useMutation } from '@tanstack/react-query';
import { MonitorSmartphoneIcon } from 'lucide-react';

import { deviceName } from '@/app/_components/device-name';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';

import type { UserDetail } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

type Session = UserDetail['sessions'][number];

const COLUMNS = ['Device', 'IP', 'Created', 'Last seen', 'Status', 'Actions'];

export function SessionsSection({ userId, sessions }: { userId: string; sessions: Session[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const end = useMutation(
    trpc.admin.revokeSession.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success('Session ended.');
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Card className="lg:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle>Sessions</CardTitle>
      </CardHeader>
      <CardContent>
        {sessions.length === 0 ? (
          <EmptyState icon={MonitorSmartphoneIcon} title="No sessions." />
        ) : (
          <Table caption="Sessions" columns={COLUMNS}>
            {sessions.map((session) => (
              <TableRow key={session.id}>
                <TableCell className="break-words" title={session.userAgent ?? undefined}>
                  {deviceName(session.userAgent)}
                </TableCell>
                <TableCell className="whitespace-nowrap">{session.ip ?? 'Unknown'}</TableCell>
                <TableCell>
                  <DateTime value={session.createdAt} />
                </TableCell>
                <TableCell>
                  <DateTime value={session.lastSeenAt} />
                </TableCell>
                <TableCell>
                  {session.active ? (
                    <Badge tone="good">Active</Badge>
                  ) : (
                    <Badge tone="neutral">Ended</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {session.active && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm">
                          End session
                        </Button>
                      }
                      title={`End the session on ${deviceName(session.userAgent)}?`}
                      description="That device is signed out at once; they will have to sign in again there."
                      confirmLabel="End session"
                      pending={end.isPending}
                      onConfirm={() => end.mutateAsync({ userId, sessionId: session.id })}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
