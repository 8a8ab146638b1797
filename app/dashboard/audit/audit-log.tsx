'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { refusedFields } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import type { AuditFilter } from '@/server/audit/list-events';

import { AuditFilters, secondaryButtonClass } from './audit-filters';
import { EventTable } from './event-table';
import { ExportButton } from './export-button';

const FIELD_LABELS: Record<string, string> = { action: 'Action', from: 'From', to: 'To' };

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
  else if (events.isPending) body = <p role="status">Loading events…</p>;
  else if (events.isError) body = <p role="alert">Could not load your audit log.</p>;
  else if (items.length === 0) {
    body = <p>{filtered ? 'No events match these filters.' : 'No events yet.'}</p>;
  } else body = <EventTable events={items} />;

  return (
    <div className="space-y-6">
      <AuditFilters onApply={setFilter} problem={problem} />
      <section aria-labelledby="events-heading" className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h2 id="events-heading" className="text-xl font-semibold">
            Events
          </h2>
          <ExportButton filter={filter} disabled={problem !== null} />
        </div>
        {body}
        {events.hasNextPage && (
          <button
            type="button"
            onClick={() => events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
            className={secondaryButtonClass}
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Show older events'}
          </button>
        )}
      </section>
    </div>
  );
}
