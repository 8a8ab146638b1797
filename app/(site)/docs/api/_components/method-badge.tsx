import { cn } from '@/app/_components/ui/cn';

export const METHOD_COLOUR: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  post: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  patch: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  put: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  delete: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        'inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold uppercase',
        METHOD_COLOUR[method],
      )}
    >
      {method}
    </span>
  );
}
