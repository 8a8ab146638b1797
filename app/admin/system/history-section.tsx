import { Section } from '../_components/section';
import { hintClass } from '../_components/styles';
import { asCount, asPercent, percent, series, type MinuteSample } from './chart-data';
import { MinuteChart } from './minute-chart';

export function HistorySection({ history }: { history: MinuteSample[] }) {
  return (
    <Section title="Last hour">
      <p className={hintClass}>
        This server process, minute by minute (UTC). Other instances keep their own hour.
      </p>
      {history.length === 0 ? (
        <p>Collecting data: the first points appear after a minute.</p>
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
    </Section>
  );
}
