import { NONE } from '@/app/_components/ui/date-time';
import type { DependencyCheck, HealthOutput } from '@/server/core/schemas';

import { Badge, type Tone } from '../_components/badge';
import { cellClass, DataTable } from '../_components/data-table';
import { Section } from '../_components/section';
import { hintClass } from '../_components/styles';

const OVERALL: Record<HealthOutput['status'], { label: string; tone: Tone }> = {
  healthy: { label: 'Healthy', tone: 'good' },
  degraded: { label: 'Degraded', tone: 'warn' },
  unhealthy: { label: 'Unhealthy', tone: 'bad' },
};

const CHECK: Record<DependencyCheck['status'], { label: string; tone: Tone }> = {
  ok: { label: 'OK', tone: 'good' },
  down: { label: 'Down', tone: 'bad' },
  'not configured': { label: 'Not configured', tone: 'neutral' },
};

const DEPENDENCIES = [
  { key: 'database', label: 'Database' },
  { key: 'redis', label: 'Redis' },
  { key: 'stripe', label: 'Stripe' },
  { key: 'email', label: 'Email' },
] as const;

function uptime(seconds: number) {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days} d ${hours % 24} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export function HealthSection({ health }: { health: HealthOutput }) {
  const overall = OVERALL[health.status];
  return (
    <Section title="Health">
      <p className="flex items-center gap-2">
        Overall: <Badge tone={overall.tone}>{overall.label}</Badge>
      </p>
      <p className={hintClass}>
        Version {health.version}, up {uptime(health.uptimeSeconds)}.
      </p>
      <DataTable caption="Dependencies" columns={['Dependency', 'Status', 'Latency']}>
        {DEPENDENCIES.map(({ key, label }) => {
          const check = health.checks[key];
          return (
            <tr key={key}>
              <th scope="row" className={`${cellClass} font-medium`}>
                {label}
              </th>
              <td className={cellClass}>
                <Badge tone={CHECK[check.status].tone}>{CHECK[check.status].label}</Badge>
              </td>
              <td className={cellClass}>
                {check.latencyMs === null ? NONE : `${Math.round(check.latencyMs)} ms`}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Section>
  );
}
