import type { ComponentProps } from 'react';

import { cn } from './cn';

/** A placeholder while data loads; hidden from screen readers (the region says "Loading"). */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div aria-hidden className={cn('animate-pulse rounded-md bg-muted', className)} {...props} />
  );
}

/** A few lines of placeholder, announced once as loading. */
export function LoadingLines({
  label = 'Loading…',
  lines = 3,
}: {
  label?: string;
  lines?: number;
}) {
  return (
    <div role="status" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={index === lines - 1 ? 'h-4 w-2/3' : 'h-4 w-full'} />
      ))}
    </div>
  );
}
