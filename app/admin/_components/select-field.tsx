import type { SelectHTMLAttributes } from 'react';

import type { Option } from './types';

/** A labelled select, like `Field`: the label wraps it. */
export function SelectField<T extends string>({
  label,
  options,
  ...select
}: {
  label: string;
  options: readonly Option<T>[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <select
        className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
