'use client';

import { useQuery } from '@tanstack/react-query';

import { DateTime } from '@/app/_components/ui/date-time';
import { useTRPC } from '@/app/_components/trpc-provider';

import { hintClass } from '../_components/styles';
import { AlertsSection } from './alerts-section';
import { BusinessSection } from './business-section';
import { HealthSection } from './health-section';
import { HistorySection } from './history-section';
import { LatencySection } from './latency-section';

export function SystemOverview() {
  const trpc = useTRPC();
  const system = useQuery(trpc.admin.system.queryOptions(undefined, { refetchInterval: 30_000 }));

  if (system.isPending) return <p role="status">Loading the system overview…</p>;
  if (system.isError) {
    return <p role="alert">Could not load the system overview: {system.error.message}</p>;
  }

  const { health, metrics, history, business } = system.data;
  return (
    <div className="space-y-10">
      <p className={hintClass}>
        Updated <DateTime value={new Date(system.dataUpdatedAt)} />
      </p>
      <HealthSection health={health} />
      <AlertsSection alerts={health.alerts} />
      <HistorySection history={history} />
      <LatencySection routes={metrics.routes} />
      <BusinessSection business={business} />
    </div>
  );
}
