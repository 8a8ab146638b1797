import { useId, type ReactNode } from 'react';

import { cn } from '@/app/_components/ui/cn';

export const count = (value: number | null) =>
  value === null ? 'unlimited' : value.toLocaleString('en-US');

// Nearly full turns amber, full red; the text says the numbers, so colour is only a hint.
function fillColour(share: number) {
  if (share >= 1) return 'bg-red-600 dark:bg-red-500';
  if (share >= 0.8) return 'bg-amber-500';
  return 'bg-primary';
}

/**
 * One line of usage ("API keys: 3 of 20") and, when there is a limit, a bar for it:
 * a progressbar named by that line. `text` is the line, whole, as the specs read it.
 */
export function UsageMeter({
  text,
  used,
  limit,
  hint,
}: {
  text: string;
  used: number;
  limit: number | null;
  hint?: ReactNode;
}) {
  const id = useId();
  const share = limit ? Math.min(used / limit, 1) : 0;
  return (
    <li className="space-y-1.5">
      <p id={id} className="text-sm font-medium">
        {text}
      </p>
      {limit !== null && (
        <div
          role="progressbar"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={`${count(used)} of ${count(limit)}`}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          {/* A style attribute, not a <style> element: the page's CSP allows it. */}
          <div
            className={cn('h-full rounded-full', fillColour(share))}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      )}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </li>
  );
}
