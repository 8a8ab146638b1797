'use client';

import { useFormatter, useNow } from 'next-intl';

import { NONE } from './none';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A moment, relative to now ("5 minutes ago", "vor 5 Minuten") with the exact time
 * on hover and in `dateTime`; past a week, or with `exact`, the date itself. In the
 * page's language, and in UTC on the server and in the browser alike (the time zone
 * next-intl is configured with), so both render the same words; the zone is named.
 * `null` shows as a dash. A client component even on server-rendered pages, so the
 * relative words keep moving after the page has loaded.
 */
export function DateTime({ value, exact = false }: { value: Date | null; exact?: boolean }) {
  const format = useFormatter();
  // "Now" moves on every minute, so a "just now" does not stay for ever.
  const now = useNow({ updateInterval: 60_000 });
  if (value === null) return NONE;
  // (Intl refuses dateStyle together with timeZoneName: the parts one by one.)
  const full = format.dateTime(value, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const shown =
    exact || Math.abs(now.getTime() - value.getTime()) > WEEK_MS
      ? full
      : format.relativeTime(value, now);
  return (
    <time
      dateTime={value.toISOString()}
      title={shown === full ? undefined : full}
      className="whitespace-nowrap"
      suppressHydrationWarning
    >
      {shown}
    </time>
  );
}
