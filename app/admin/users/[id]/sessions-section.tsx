'use client';

import { useMutation } from '@tanstack/react-query';
import { MonitorSmartphoneIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { useDeviceName } from '@/app/_components/device-name';
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

export function SessionsSection({ userId, sessions }: { userId: string; sessions: Session[] }) {
  const t = useTranslations('admin.user.sessions');
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const deviceName = useDeviceName();
  const end = useMutation(
    trpc.admin.revokeSession.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('ended'));
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const columns = [
    t('columns.device'),
    t('columns.ip'),
    t('columns.created'),
    t('columns.lastSeen'),
    t('columns.status'),
    t('columns.actions'),
  ];

  return (
    <Card className="lg:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {sessions.length === 0 ? (
          <EmptyState icon={MonitorSmartphoneIcon} title={t('empty')} />
        ) : (
          <Table caption={t('title')} columns={columns}>
            {sessions.map((session) => (
              <TableRow key={session.id}>
                <TableCell className="break-words" title={session.userAgent ?? undefined}>
                  {deviceName(session.userAgent)}
                </TableCell>
                <TableCell className="whitespace-nowrap">{session.ip ?? t('unknownIp')}</TableCell>
                <TableCell>
                  <DateTime value={session.createdAt} />
                </TableCell>
                <TableCell>
                  <DateTime value={session.lastSeenAt} />
                </TableCell>
                <TableCell>
                  {session.active ? (
                    <Badge tone="good">{t('active')}</Badge>
                  ) : (
                    <Badge tone="neutral">{t('inactive')}</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {session.active && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm">
                          {t('end')}
                        </Button>
                      }
                      title={t('confirm.title', { device: deviceName(session.userAgent) })}
                      description={t('confirm.description')}
                      confirmLabel={t('end')}
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
