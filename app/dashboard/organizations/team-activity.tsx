'use client';

import { HistoryIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { useTeamLists, type TeamOfCaller } from './use-team-lists';

/** The team's last twenty audit events, each with who did it. */
export function TeamActivity({ organization }: { organization: TeamOfCaller }) {
  const t = useTranslations('organizations');
  const { activity, emailOf } = useTeamLists(organization);
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold">{t('activity.title')}</h3>
      {activity.isPending && <LoadingLines label={t('activity.loading')} />}
      {activity.isError && (
        <ErrorState title={t('activity.loadFailed')} onRetry={() => activity.refetch()} />
      )}
      {activity.data?.items.length === 0 && (
        <EmptyState icon={HistoryIcon} title={t('activity.none')} />
      )}
      {Boolean(activity.data?.items.length) && (
        <ul
          aria-label={t('activity.title')}
          className="divide-y divide-border rounded-lg border border-border text-sm"
        >
          {activity.data?.items.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
              <span className="text-muted-foreground">
                <DateTime value={event.createdAt} />
              </span>
              <span>
                {t.rich('activity.event', {
                  action: event.action,
                  who: emailOf(event.actorId),
                  code: (chunks) => (
                    <code className="rounded bg-muted px-1 py-0.5 text-xs">{chunks}</code>
                  ),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
