import { useTranslations } from 'next-intl';

import { Badge, type Tone } from '@/app/_components/ui/badge';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { NONE } from '@/app/_components/ui/none';
import { cellClass, Table, TableCell, TableRow } from '@/app/_components/ui/table';
import type { DependencyCheck, HealthOutput } from '@/server/core/schemas';

import { useChartFormats } from './chart-data';

const OVERALL: Record<HealthOutput['status'], Tone> = {
  healthy: 'good',
  degraded: 'warn',
  unhealthy: 'bad',
};

const CHECK: Record<
  DependencyCheck['status'],
  { key: 'ok' | 'down' | 'notConfigured'; tone: Tone }
> = {
  ok: { key: 'ok', tone: 'good' },
  down: { key: 'down', tone: 'bad' },
  'not configured': { key: 'notConfigured', tone: 'neutral' },
};

const DEPENDENCIES = ['database', 'redis', 'stripe', 'email'] as const;

/** How long the process has run, in its two largest units. */
function useUptime() {
  const t = useTranslations('admin.system.health.uptime');
  return (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (days > 0) return t('days', { days, hours: hours % 24 });
    if (hours > 0) return t('hours', { hours, minutes: minutes % 60 });
    return t('minutes', { minutes });
  };
}

export function HealthSection({ health, className }: { health: HealthOutput; className?: string }) {
  const t = useTranslations('admin.system.health');
  const uptime = useUptime();
  const formats = useChartFormats();
  return (
    <Card className={className}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>{t('title')}</CardTitle>
          <p className="flex items-center gap-2 text-sm">
            {t.rich('overall', {
              badge: () => (
                <Badge tone={OVERALL[health.status]}>{t(`status.${health.status}`)}</Badge>
              ),
            })}
          </p>
        </div>
        <CardDescription>
          {t('version', { version: health.version, uptime: uptime(health.uptimeSeconds) })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table
          caption={t('dependencies')}
          columns={[t('columns.dependency'), t('columns.status'), t('columns.latency')]}
        >
          {DEPENDENCIES.map((key) => {
            const check = health.checks[key];
            const state = CHECK[check.status];
            return (
              <TableRow key={key}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {t(`dependency.${key}`)}
                </th>
                <TableCell>
                  <Badge tone={state.tone}>{t(`check.${state.key}`)}</Badge>
                </TableCell>
                <TableCell className="tabular-nums">
                  {check.latencyMs === null ? NONE : formats.ms(Math.round(check.latencyMs))}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      </CardContent>
    </Card>
  );
}
