import { useFormatter } from 'next-intl';

import type { SystemOverview } from '../_components/types';

export type MinuteSample = SystemOverview['history'][number];

/** One point of a per-minute chart; `null` where there was nothing to divide by. */
export type MinutePoint = { minute: string; label: string; value: number | null };

/** A share as a percentage with one decimal, or null without a whole. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1_000) / 10 : null;

export function series(
  history: MinuteSample[],
  pick: (sample: MinuteSample) => number | null,
  clock: (minute: string) => string,
): MinutePoint[] {
  return history.map((sample) => ({
    minute: sample.minute,
    label: clock(sample.minute),
    value: pick(sample),
  }));
}

export type ChartFormats = ReturnType<typeof useChartFormats>;

/** The charts' numbers and minutes in the page's language. */
export function useChartFormats() {
  const format = useFormatter();
  return {
    count: (value: number) => format.number(value),
    // A percentage as `percent` gives it (12.5 for 12.5 %).
    percent: (value: number) =>
      format.number(value / 100, { style: 'percent', maximumFractionDigits: 1 }),
    ms: (value: number) => format.number(value, { style: 'unit', unit: 'millisecond' }),
    // Samples are named by their UTC minute, "YYYY-MM-DDTHH:MM"; the charts say UTC.
    clock: (minute: string) => {
      const date = new Date(`${minute}Z`);
      return Number.isNaN(date.getTime())
        ? minute.slice(11, 16)
        : format.dateTime(date, {
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZone: 'UTC',
          });
    },
  };
}
