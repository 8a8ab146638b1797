import type { RouterInputs, RouterOutputs } from '@/app/_components/api-types';

export type AdminInputs = RouterInputs['admin'];
export type AdminOutputs = RouterOutputs['admin'];

export type UserDetail = AdminOutputs['user'];
export type SystemOverview = AdminOutputs['system'];
export type ErrorReport = AdminOutputs['errorReport'];

export type Option<T extends string> = { value: T; label: string };

/** The option whose value was picked, typed; undefined for "Any" or anything unknown. */
export function pickOption<T extends string>(
  options: readonly Option<T>[],
  value: FormDataEntryValue | null,
): T | undefined {
  return options.find((option) => option.value === value)?.value;
}
