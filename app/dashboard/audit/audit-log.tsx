'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { HistoryIcon } from 'lucide-react';
import { useState } from 'react';

import { refusedFields } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import type { AuditFilter } from '@/server/audit/list-events';

import { AuditFilters } from './audit-filters';
import { EventTable } from './event-table';
import { ExportButton } from './export-button';

const FIELD_LABELS: Record<string, string> = { action: 'Action', from: 'From', to: 'To' };

/** The page's header, filters and events: the export in the header follows the filters. */
export function AuditLog() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filter, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // A refused filter stays refused; asking again only delays the message.
      retry: (failures, error) => error.data?.httpStatus !== 400 && failures < 3,
    }),
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const problem = refusedFields(events.error, FIELD_LABELS);
  const filtered = Object.keys(filter).length > 0;

  let body;
  if (problem) body = null;
  else if (events.isPending) body = <LoadingLines label="Loading events…" lines={5} />;
  else if (events.isError) {
    body = <ErrorState title="Could not load your audit log." onRetry={() => events.refetch()} />;
  } else if (items.length === 0) {
    body = filtered ? (
      <EmptyState icon={HistoryIcon} title="No events match these filters.">
        Widen the dates or clear the filters to see more.
      </EmptyState>
    ) : (
      <EmptyState icon={HistoryIcon} title="No events yet.">
        Sign-ins, keys, billing and team changes are recorded here as they happen.
      </EmptyState>
    );
  } else body = <EventTable events={items} />;

  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Everything that happened to your account, newest first."
        actions={<ExportButton filter={filter} disabled={problem !== null} />}
      />
      <div className="space-y-6">
        <AuditFilters onApply={setFilter} problem={problem} />
        <section aria-labelledby="events-heading" className="space-y-4">
          <h2 id="events-heading" className="text-lg font-semibold">
            Events
          </h2>
          {body}
          {events.hasNextPage && (
            <Button
              variant="outline"
              onClick={() => events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              {events.isFetchingNextPage ? 'Loading…' : 'Show older events'}
            </Button>
          )}
        </section>
      </div>
    </div>
  );
}
