'use client';

import { useQuery } from '@tanstack/react-query';
import { HistoryIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

/** The newest few events of the user's audit log. */
export function RecentActivity() {
  const t = useTranslations('overview.activity');
  const trpc = useTRPC();
  const events = useQuery(trpc.audit.list.queryOptions({ limit: 5 }));
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>{t('title')}</CardTitle>
        <Link
          href="/dashboard/audit"
          className="text-sm text-indigo-700 underline dark:text-indigo-300"
        >
          {t('auditLog')}
        </Link>
      </CardHeader>
      <CardContent>
        {events.isPending ? (
          <LoadingLines label={t('loading')} lines={5} />
        ) : events.isError ? (
          <ErrorState title={t('loadFailed')} onRetry={() => events.refetch()} />
        ) : events.data.items.length === 0 ? (
          <EmptyState icon={HistoryIcon} title={t('emptyTitle')}>
            {t('emptyText')}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border text-sm" aria-label={t('listLabel')}>
            {events.data.items.map((event) => (
              <li key={event.id} className="flex items-center justify-between gap-3 py-2">
                <span className="flex min-w-0 items-center gap-2">
                  <code className="truncate">{event.action}</code>
                  {!event.success && <Badge tone="bad">{t('failed')}</Badge>}
                </span>
                <span className="text-muted-foreground">
                  <DateTime value={event.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
