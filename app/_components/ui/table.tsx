import { useId, type ComponentProps, type ReactNode } from 'react';

import { cn } from './cn';

export const cellClass = 'px-3 py-2 align-top';

/**
 * A table with a (visually hidden) caption and column headers; rows are the children.
 * Focusable, so keyboard users can scroll it sideways on a narrow screen.
 */
export function Table({
  caption,
  columns,
  children,
  className,
}: {
  caption: string;
  columns: readonly ReactNode[];
  children: ReactNode;
  className?: string;
}) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cn('overflow-x-auto rounded-lg border border-border', className)}
    >
      <table className="w-full text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-muted/60 text-muted-foreground">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={cn(cellClass, 'font-medium')}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('hover:bg-muted/40', className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn(cellClass, className)} {...props} />;
}
