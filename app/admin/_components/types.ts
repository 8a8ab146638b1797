import type { RouterInputs, RouterOutputs } from '@/app/_components/api-types';

export type AdminInputs = RouterInputs['admin'];
export type AdminOutputs = RouterOutputs['admin'];

export type UserDetail = AdminOutputs['user'];
export type SystemOverview = AdminOutputs['system'];
export type ErrorReport = AdminOutputs['errorReport'];

export type Option<T extends string> = { value: T; label: string };

/** The value picked, typed; undefined for "Any" or anything unknown. */
export function pickOption<T extends string>(
  values: readonly T[],
  value: FormDataEntryValue | null,
): T | undefined {
  return values.find((known) => known === value);
}
