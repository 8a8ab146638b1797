import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';

import { cn } from './cn';

/** A placeholder while data loads; hidden from screen readers (the region says "Loading"). */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div aria-hidden className={cn('animate-pulse rounded-md bg-muted', className)} {...props} />
  );
}

/** A few lines of placeholder, announced once as loading. */
export function LoadingLines({ label, lines = 3 }: { label?: string; lines?: number }) {
  const t = useTranslations('common');
  return (
    <div role="status" className="space-y-2">
      <span className="sr-only">{label ?? t('loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={index === lines - 1 ? 'h-4 w-2/3' : 'h-4 w-full'} />
      ))}
    </div>
  );
}
