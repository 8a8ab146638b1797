'use client';

import { useMutation } from '@tanstack/react-query';

import { DateTime } from '@/app/_components/ui/date-time';
import { FormMessage } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

import { Badge, type Tone } from '../../_components/badge';
import { ConfirmAction } from '../../_components/confirm-action';
import { cellClass, DataTable } from '../../_components/data-table';
import { Section } from '../../_components/section';
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
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const revoke = useMutation(
    trpc.admin.revokeApiKey.mutationOptions({
      onMutate: clear,
      onSuccess: async () => {
        await refresh();
        succeeded('API key revoked.');
      },
      onError: failed,
    }),
  );

  return (
    <Section title="API keys">
      {apiKeys.length === 0 ? (
        <p>No API keys.</p>
      ) : (
        <DataTable caption="API keys" columns={COLUMNS}>
          {apiKeys.map((key) => (
            <tr key={key.id} aria-label={`API key ${key.name}`}>
              <td className={`${cellClass} font-medium`}>{key.name}</td>
              <td className={cellClass}>
                <code>{key.displayPrefix}</code>
              </td>
              <td className={cellClass}>{key.scopes.join(', ') || 'None'}</td>
              <td className={cellClass}>
                <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
              </td>
              <td className={cellClass}>
                {key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : 'Never'}
              </td>
              <td className={cellClass}>
                <DateTime value={key.createdAt} />
              </td>
              <td className={cellClass}>
                {key.status === 'active' && (
                  <ConfirmAction
                    label="Revoke"
                    confirmLabel={`Yes, revoke ${key.name}`}
                    onConfirm={() => revoke.mutate({ userId, apiKeyId: key.id })}
                    pending={revoke.isPending}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <FormMessage outcome={outcome} />
    </Section>
  );
}
