import { useTranslations } from 'next-intl';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';

import { percent, series, useChartFormats, type MinuteSample } from './chart-data';
import { MinuteChart } from './minute-chart';

export function HistorySection({
  history,
  className,
}: {
  history: MinuteSample[];
  className?: string;
}) {
  const t = useTranslations('admin.system.history');
  const formats = useChartFormats();
  const points = (pick: (sample: MinuteSample) => number | null) =>
    series(history, pick, formats.clock);
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {history.length === 0 ? (
          <EmptyState title={t('collecting')}>{t('collectingHint')}</EmptyState>
        ) : (
          <div className="grid gap-8 md:grid-cols-2">
            <MinuteChart
              title={t('requests')}
              points={points((sample) => sample.requests)}
              format={formats.count}
            />
            <MinuteChart
              title={t('errorRate')}
              points={points((sample) => percent(sample.serverErrors, sample.requests))}
              format={formats.percent}
            />
            <MinuteChart
              title={t('cacheHitRate')}
              points={points((sample) => percent(sample.cacheHits, sample.cacheLookups))}
              format={formats.percent}
            />
            <MinuteChart
              title={t('rateLimitRefusals')}
              points={points((sample) => sample.rateLimitRefusals)}
              format={formats.count}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
