import { Badge, type Tone } from '@/app/_components/ui/badge';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { NONE } from '@/app/_components/ui/date-time';
import { cellClass, Table, TableCell, TableRow } from '@/app/_components/ui/table';
import type { DependencyCheck, HealthOutput } from '@/server/core/schemas';

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

export function HealthSection({ health, className }: { health: HealthOutput; className?: string }) {
  const overall = OVERALL[health.status];
  return (
    <Card className={className}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>Health</CardTitle>
          <p className="flex items-center gap-2 text-sm">
            Overall: <Badge tone={overall.tone}>{overall.label}</Badge>
          </p>
        </div>
        <CardDescription>
          Version {health.version}, up {uptime(health.uptimeSeconds)}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table caption="Dependencies" columns={['Dependency', 'Status', 'Latency']}>
          {DEPENDENCIES.map(({ key, label }) => {
            const check = health.checks[key];
            return (
              <TableRow key={key}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {label}
                </th>
                <TableCell>
                  <Badge tone={CHECK[check.status].tone}>{CHECK[check.status].label}</Badge>
                </TableCell>
                <TableCell className="tabular-nums">
                  {check.latencyMs === null ? NONE : `${Math.round(check.latencyMs)} ms`}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      </CardContent>
    </Card>
  );
}
