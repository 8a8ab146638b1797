import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@/server/root';

// Dates are typed as Date but arrive as ISO strings (no transformer), so
// components that show them accept both.
export type AdminInputs = inferRouterInputs<AppRouter>['admin'];
export type AdminOutputs = inferRouterOutputs<AppRouter>['admin'];

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
