import { useLocale } from 'next-intl';

export const NONE = '—';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "3 minutes ago", "in 2 days"; past a week, the date itself. */
export function relativeTime(value: Date, now: Date, locale = 'en-US'): string {
  let amount = (value.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // "now", rather than "in 3 seconds" when two clocks differ a little.
  if (Math.abs(amount) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return value.toLocaleDateString(locale, { dateStyle: 'medium' });
}

export function exactTime(value: Date, locale = 'en-US'): string {
  return value.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A moment, relative to now ("5 minutes ago") with the exact time on hover and in
 * `dateTime`; `exact` shows the full date and time instead. `null` shows as a dash.
 * Server and browser may disagree by a few seconds about "now": that text is allowed
 * to differ on hydration.
 */
export function DateTime({ value, exact = false }: { value: Date | null; exact?: boolean }) {
  const locale = useLocale();
  if (value === null) return NONE;
  const full = exactTime(value, locale);
  return (
    <time
      dateTime={value.toISOString()}
      title={exact ? undefined : full}
      className="whitespace-nowrap"
      suppressHydrationWarning
    >
      {exact ? full : relativeTime(value, new Date(), locale)}
    </time>
  );
}
