import type { ComponentProps } from 'react';

import { cn } from './cn';

export const inputClass =
  'block h-9 w-full rounded-md border border-input bg-background px-3 py-1 text-sm shadow-xs placeholder:text-muted-foreground disabled:opacity-60 aria-invalid:border-destructive';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input data-slot="input" className={cn(inputClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(inputClass, 'h-auto min-h-20 py-2', className)}
      {...props}
    />
  );
}

/** A native select: keyboard, mobile pickers and form posts behave as people expect. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return <select data-slot="select" className={cn(inputClass, 'pr-8', className)} {...props} />;
}
