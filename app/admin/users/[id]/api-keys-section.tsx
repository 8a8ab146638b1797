'use client';

import { useMutation } from '@tanstack/react-query';
import { KeyRoundIcon } from 'lucide-react';

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

const STATUS: Record<ApiKey['status'], { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'good' },
  expired: { label: 'Expired', tone: 'warn' },
  revoked: { label: 'Revoked', tone: 'neutral' },
};

const COLUMNS = ['Name', 'Prefix', 'Scopes', 'Status', 'Last used', 'Created', 'Actions'];

export function ApiKeysSection({ userId, apiKeys }: { userId: string; apiKeys: ApiKey[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const revoke = useMutation(
    trpc.admin.revokeApiKey.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success('API key revoked.');
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Card className="lg:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle>API keys</CardTitle>
      </CardHeader>
      <CardContent>
        {apiKeys.length === 0 ? (
          <EmptyState icon={KeyRoundIcon} title="No API keys." />
        ) : (
          <Table caption="API keys" columns={COLUMNS}>
            {apiKeys.map((key) => (
              <TableRow key={key.id} aria-label={`API key ${key.name}`}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell>
                  <code>{key.displayPrefix}</code>
                </TableCell>
                <TableCell>{key.scopes.join(', ') || 'None'}</TableCell>
                <TableCell>
                  <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
                </TableCell>
                <TableCell>
                  {key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : 'Never'}
                </TableCell>
                <TableCell>
                  <DateTime value={key.createdAt} />
                </TableCell>
                <TableCell>
                  {key.status === 'active' && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm">
                          Revoke
                        </Button>
                      }
                      title={`Revoke the key ${key.name}?`}
                      description="Requests made with it are refused from now on. This cannot be undone: the owner would have to create a new key."
                      confirmLabel="Revoke key"
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
