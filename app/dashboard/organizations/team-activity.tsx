'use client';

import { HistoryIcon } from 'lucide-react';

import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { useTeamLists, type TeamOfCaller } from './use-team-lists';

/** The team's last twenty audit events, each with who did it. */
export function TeamActivity({ organization }: { organization: TeamOfCaller }) {
  const { activity, emailOf } = useTeamLists(organization);
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold">Recent activity</h3>
      {activity.isPending && <LoadingLines label="Loading the activity…" />}
      {activity.isError && (
        <ErrorState title="Could not load the activity." onRetry={() => activity.refetch()} />
      )}
      {activity.data?.items.length === 0 && (
        <EmptyState icon={HistoryIcon} title="No activity yet" />
      )}
      {Boolean(activity.data?.items.length) && (
        <ul
          aria-label="Recent activity"
          className="divide-y divide-border rounded-lg border border-border text-sm"
        >
          {activity.data?.items.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
              <span className="text-muted-foreground">
                <DateTime value={event.createdAt} />
              </span>
              <span>
                <code className="rounded bg-muted px-1 py-0.5 text-xs">{event.action}</code> by{' '}
                {emailOf(event.actorId)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
