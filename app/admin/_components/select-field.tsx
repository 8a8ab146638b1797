import type { ComponentProps } from 'react';

import { cn } from '@/app/_components/ui/cn';
import { NativeSelect } from '@/app/_components/ui/input';

import type { Option } from './types';

/** A labelled select, like `Field`: the label wraps the kit's native select. */
export function SelectField<T extends string>({
  label,
  options,
  className,
  ...select
}: {
  label: string;
  options: readonly Option<T>[];
} & ComponentProps<'select'>) {
  return (
    <label className={cn('block space-y-1.5', className)}>
      <span className="text-sm font-medium">{label}</span>
      <NativeSelect {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
