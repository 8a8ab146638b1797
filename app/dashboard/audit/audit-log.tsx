'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { HistoryIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
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

/** The page's header, filters and events: the export in the header follows the filters. */
export function AuditLog() {
  const t = useTranslations('audit');
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
  // The fields' own messages come from the server (in English).
  const problem = refusedFields(events.error, {
    action: t('filters.action'),
    from: t('filters.from'),
    to: t('filters.to'),
  });
  const filtered = Object.keys(filter).length > 0;

  let body;
  if (problem) body = null;
  else if (events.isPending) body = <LoadingLines label={t('log.loading')} lines={5} />;
  else if (events.isError) {
    body = <ErrorState title={t('log.loadFailed')} onRetry={() => events.refetch()} />;
  } else if (items.length === 0) {
    body = filtered ? (
      <EmptyState icon={HistoryIcon} title={t('log.noMatchTitle')}>
        {t('log.noMatchText')}
      </EmptyState>
    ) : (
      <EmptyState icon={HistoryIcon} title={t('log.emptyTitle')}>
        {t('log.emptyText')}
      </EmptyState>
    );
  } else body = <EventTable events={items} />;

  return (
    <div>
      <PageHeader
        title={t('log.title')}
        description={t('log.description')}
        actions={<ExportButton filter={filter} disabled={problem !== null} />}
      />
      <div className="space-y-6">
        <AuditFilters onApply={setFilter} problem={problem} />
        <section aria-labelledby="events-heading" className="space-y-4">
          <h2 id="events-heading" className="text-lg font-semibold">
            {t('log.eventsHeading')}
          </h2>
          {body}
          {events.hasNextPage && (
            <Button
              variant="outline"
              onClick={() => events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              {events.isFetchingNextPage ? t('log.loadingMore') : t('log.showOlder')}
            </Button>
          )}
        </section>
      </div>
    </div>
  );
}
