import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';

import { cn } from './cn';

// Nearly full turns amber, full red; the words say the numbers, so colour is only a hint.
function fillColour(share: number) {
  if (share >= 1) return 'bg-red-600 dark:bg-red-500';
  if (share >= 0.8) return 'bg-amber-500';
  return 'bg-primary';
}

/** A progress bar for `used` of `limit`, named by the element `labelledBy` points at. */
export function MeterBar({
  labelledBy,
  used,
  limit,
}: {
  labelledBy: string;
  used: number;
  limit: number;
}) {
  const t = useTranslations('common');
  const format = useFormatter();
  const share = limit > 0 ? Math.min(used / limit, 1) : 1;
  return (
    <div
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      aria-valuetext={t('usedOf', { used: format.number(used), limit: format.number(limit) })}
      className="h-2 overflow-hidden rounded-full bg-muted"
    >
      {/* A style attribute, not a <style> element: the page's CSP allows it. */}
      <div
        className={cn('h-full rounded-full', fillColour(share))}
        style={{ width: `${share * 100}%` }}
      />
    </div>
  );
}

/** A label, "3 of 20" (or "3 (unlimited)"), and the bar when there is a limit. */
export function Meter({
  label,
  used,
  limit,
}: {
  label: string;
  used: number;
  limit: number | null;
}) {
  const id = useId();
  const t = useTranslations('common');
  const format = useFormatter();
  return (
    <div className="space-y-1.5">
      <div className="flex justify-between gap-2 text-sm">
        <span id={id} className="font-medium">
          {label}
        </span>
        <span className="text-muted-foreground">
          {limit === null
            ? t('usedUnlimited', { used: format.number(used) })
            : t('usedOf', { used: format.number(used), limit: format.number(limit) })}
        </span>
      </div>
      {limit !== null && <MeterBar labelledBy={id} used={used} limit={limit} />}
    </div>
  );
}
