import { useId, type ReactNode } from 'react';

import { MeterBar } from '@/app/_components/ui/meter';

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
  return (
    <li className="space-y-1.5">
      <p id={id} className="text-sm font-medium">
        {text}
      </p>
      {limit !== null && <MeterBar labelledBy={id} used={used} limit={limit} />}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </li>
  );
}
