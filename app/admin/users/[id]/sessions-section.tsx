'use client';

import { useMutation } from '@tanstack/react-query';

import { DateTime } from '@/app/_components/ui/date-time';
import { deviceName } from '@/app/_components/device-name';
import { FormMessage } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

import { Badge } from '../../_components/badge';
import { ConfirmAction } from '../../_components/confirm-action';
import { cellClass, DataTable } from '../../_components/data-table';
import { Section } from '../../_components/section';
import type { UserDetail } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

type Session = UserDetail['sessions'][number];

const COLUMNS = ['User agent', 'IP', 'Created', 'Last seen', 'Status', 'Actions'];

export function SessionsSection({ userId, sessions }: { userId: string; sessions: Session[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const end = useMutation(
    trpc.admin.revokeSession.mutationOptions({
      onMutate: clear,
      onSuccess: async () => {
        await refresh();
        succeeded('Session ended.');
      },
      onError: failed,
    }),
  );

  return (
    <Section title="Sessions">
      {sessions.length === 0 ? (
        <p>No sessions.</p>
      ) : (
        <DataTable caption="Sessions" columns={COLUMNS}>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td className={`${cellClass} break-words`} title={session.userAgent ?? undefined}>
                {deviceName(session.userAgent)}
              </td>
              <td className={`${cellClass} break-all`}>{session.ip ?? 'Unknown'}</td>
              <td className={cellClass}>
                <DateTime value={session.createdAt} />
              </td>
              <td className={cellClass}>
                <DateTime value={session.lastSeenAt} />
              </td>
              <td className={cellClass}>
                {session.active ? (
                  <Badge tone="good">Active</Badge>
                ) : (
                  <Badge tone="neutral">Ended</Badge>
                )}
              </td>
              <td className={cellClass}>
                {session.active && (
                  <ConfirmAction
                    label="End session"
                    confirmLabel="Yes, end this session"
                    onConfirm={() => end.mutate({ userId, sessionId: session.id })}
                    pending={end.isPending}
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
