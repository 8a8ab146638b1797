import type { SystemOverview } from '../_components/types';

export type MinuteSample = SystemOverview['history'][number];

/** One point of a per-minute chart; `null` where there was nothing to divide by. */
export type MinutePoint = { minute: string; label: string; value: number | null };

/** A share as a percentage with one decimal, or null without a whole. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1_000) / 10 : null;

// Samples are named by their UTC minute, "YYYY-MM-DDTHH:MM".
const clockOf = (minute: string) => minute.slice(11, 16);

export function series(
  history: MinuteSample[],
  pick: (sample: MinuteSample) => number | null,
): MinutePoint[] {
  return history.map((sample) => ({
    minute: sample.minute,
    label: clockOf(sample.minute),
    value: pick(sample),
  }));
}

export const asCount = (value: number) => value.toLocaleString('en-US');
export const asPercent = (value: number) => `${value.toLocaleString('en-US')}%`;
export const asMs = (value: number) => `${value.toLocaleString('en-US')} ms`;
