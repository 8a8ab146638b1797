import { cn } from './cn';

/**
 * How much of a limit is used, as a bar and in words. `limit: null` is unlimited:
 * the words only. Past 80 % the bar turns amber, at the limit red.
 */
export function Meter({
  label,
  used,
  limit,
}: {
  label: string;
  used: number;
  limit: number | null;
}) {
  const words =
    limit === null
      ? `${used.toLocaleString('en-US')} (unlimited)`
      : `${used.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')}`;
  const share = limit ? Math.min(1, used / limit) : 0;
  return (
    <div className="space-y-1.5">
      <div className="flex justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">{words}</span>
      </div>
      {limit !== null && (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={words}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className={cn(
              'h-full rounded-full',
              share >= 1 ? 'bg-red-600' : share >= 0.8 ? 'bg-amber-500' : 'bg-primary',
            )}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      )}
    </div>
  );
}
