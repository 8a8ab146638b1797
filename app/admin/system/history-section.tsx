import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';

import { asCount, asPercent, percent, series, type MinuteSample } from './chart-data';
import { MinuteChart } from './minute-chart';

export function HistorySection({
  history,
  className,
}: {
  history: MinuteSample[];
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>Last hour</CardTitle>
        <CardDescription>
          This server process, minute by minute (UTC). Other instances keep their own hour.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {history.length === 0 ? (
          <EmptyState title="Collecting data.">The first points appear after a minute.</EmptyState>
        ) : (
          <div className="grid gap-8 md:grid-cols-2">
            <MinuteChart
              title="Requests per minute"
              points={series(history, (sample) => sample.requests)}
              format={asCount}
            />
            <MinuteChart
              title="Error rate per minute"
              points={series(history, (sample) => percent(sample.serverErrors, sample.requests))}
              format={asPercent}
            />
            <MinuteChart
              title="Cache hit rate per minute"
              points={series(history, (sample) => percent(sample.cacheHits, sample.cacheLookups))}
              format={asPercent}
            />
            <MinuteChart
              title="Rate-limit refusals per minute"
              points={series(history, (sample) => sample.rateLimitRefusals)}
              format={asCount}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
