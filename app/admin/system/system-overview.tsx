'use client';

import { useQuery } from '@tanstack/react-query';
import { RefreshCwIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { DateTime } from '@/app/_components/ui/date-time';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Skeleton } from '@/app/_components/ui/skeleton';

import { AlertsSection } from './alerts-section';
import { BusinessSection } from './business-section';
import { HealthSection } from './health-section';
import { HistorySection } from './history-section';
import { LatencySection } from './latency-section';

// On a wide screen health stands beside alerts and business; the charts take the
// whole width. grid-cols-1 lets a wide table scroll inside its card on a phone.
const GRID = 'grid grid-cols-1 gap-6 lg:grid-cols-2';
const WIDE = 'lg:col-span-2';

function OverviewSkeleton() {
  const t = useTranslations('admin.system');
  return (
    <div role="status" className={GRID}>
      <span className="sr-only">{t('loading')}</span>
      <Skeleton className="h-56" />
      <Skeleton className="h-56" />
      <Skeleton className={`h-80 ${WIDE}`} />
    </div>
  );
}

export function SystemOverview() {
  const t = useTranslations('admin.system');
  const trpc = useTRPC();
  const system = useQuery(trpc.admin.system.queryOptions(undefined, { refetchInterval: 30_000 }));
  const refresh = (
    <Button variant="outline" onClick={() => system.refetch()} disabled={system.isFetching}>
      <RefreshCwIcon aria-hidden className={system.isFetching ? 'animate-spin' : undefined} />
      {t('refresh')}
    </Button>
  );

  let body;
  if (system.isPending) body = <OverviewSkeleton />;
  else if (system.isError) {
    body = (
      <ErrorState title={t('loadFailed')} onRetry={() => system.refetch()}>
        {system.error.message}
      </ErrorState>
    );
  } else {
    const { health, metrics, history, business } = system.data;
    body = (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">
          {t.rich('updated', { date: () => <DateTime value={new Date(system.dataUpdatedAt)} /> })}
        </p>
        <div className={GRID}>
          <HealthSection health={health} className="lg:row-span-2" />
          <AlertsSection alerts={health.alerts} />
          <BusinessSection business={business} />
          <HistorySection history={history} className={WIDE} />
          <LatencySection routes={metrics.routes} className={WIDE} />
        </div>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', { seconds: 30 })}
        actions={refresh}
      />
      {body}
    </>
  );
}
