'use client';

import { useMutation } from '@tanstack/react-query';
import { KeyRoundIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge, type Tone } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';

import type { UserDetail } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

type ApiKey = UserDetail['apiKeys'][number];

const TONE: Record<ApiKey['status'], Tone> = {
  active: 'good',
  expired: 'warn',
  revoked: 'neutral',
};

export function ApiKeysSection({ userId, apiKeys }: { userId: string; apiKeys: ApiKey[] }) {
  const t = useTranslations('admin.user.apiKeys');
  const labels = useTranslations('admin.labels');
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const revoke = useMutation(
    trpc.admin.revokeApiKey.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('revoked'));
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Card className="lg:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {apiKeys.length === 0 ? (
          <EmptyState icon={KeyRoundIcon} title={t('empty')} />
        ) : (
          <Table
            caption={t('title')}
            columns={[
              t('columns.name'),
              t('columns.prefix'),
              t('columns.scopes'),
              t('columns.status'),
              t('columns.lastUsed'),
              t('columns.created'),
              t('columns.actions'),
            ]}
          >
            {apiKeys.map((key) => (
              <TableRow key={key.id} aria-label={t('row', { name: key.name })}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell>
                  <code>{key.displayPrefix}</code>
                </TableCell>
                <TableCell>{key.scopes.join(', ') || labels('none')}</TableCell>
                <TableCell>
                  <Badge tone={TONE[key.status]}>{t(`status.${key.status}`)}</Badge>
                </TableCell>
                <TableCell>
                  {key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : t('never')}
                </TableCell>
                <TableCell>
                  <DateTime value={key.createdAt} />
                </TableCell>
                <TableCell>
                  {key.status === 'active' && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm">
                          {t('revoke')}
                        </Button>
                      }
                      title={t('confirm.title', { name: key.name })}
                      description={t('confirm.description')}
                      confirmLabel={t('confirm.action')}
                      pending={revoke.isPending}
                      onConfirm={() => revoke.mutateAsync({ userId, apiKeyId: key.id })}
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
