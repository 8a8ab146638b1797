import { useTranslations } from 'next-intl';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';

import type { SystemOverview } from '../_components/types';
import { RouteLatencyChart, type RouteLatency } from './route-latency-chart';

type RouteMetrics = SystemOverview['metrics']['routes'][number];

const SHOWN = 10;

/** The slowest routes first: the ones worth a look. */
function slowest(routes: RouteMetrics[]): RouteLatency[] {
  return routes
    .flatMap(({ route, requests, p95Ms }) => (p95Ms === null ? [] : [{ route, requests, p95Ms }]))
    .sort((a, b) => b.p95Ms - a.p95Ms)
    .slice(0, SHOWN);
}

export function LatencySection({
  routes,
  className,
}: {
  routes: RouteMetrics[];
  className?: string;
}) {
  const t = useTranslations('admin.system.latency');
  const shown = slowest(routes);
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description', { count: SHOWN, minutes: 10 })}</CardDescription>
      </CardHeader>
      <CardContent>
        {shown.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <RouteLatencyChart routes={shown} />
        )}
      </CardContent>
    </Card>
  );
}
