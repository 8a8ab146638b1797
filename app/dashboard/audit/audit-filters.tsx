'use client';

import type { FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import type { AuditFilter } from '@/server/audit/list-events';

export const secondaryButtonClass =
  'rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900';

function filterOf(form: FormData): AuditFilter {
  const filter: AuditFilter = {};
  for (const name of ['action', 'from', 'to'] as const) {
    const value = String(form.get(name) ?? '').trim();
    if (value) filter[name] = value;
  }
  return filter;
}

/** The filters apply on submit; `problem` is the server's reason for refusing them. */
export function AuditFilters({
  onApply,
  problem,
}: {
  onApply: (filter: AuditFilter) => void;
  problem: string | null;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterOf(new FormData(event.currentTarget)));
  }

  return (
    <form
      role="search"
      aria-label="Filter events"
      onSubmit={submit}
      onReset={() => onApply({})}
      className="space-y-3"
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-64">
          <Field label="Action" name="action" placeholder="api_key.created" spellCheck={false} />
        </div>
        <Field label="From" name="from" type="date" aria-describedby="audit-dates-hint" />
        <Field label="To" name="to" type="date" aria-describedby="audit-dates-hint" />
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
        >
          Apply filters
        </button>
        <button type="reset" className={secondaryButtonClass}>
          Clear
        </button>
      </div>
      <p id="audit-dates-hint" className="text-sm text-slate-600 dark:text-slate-300">
        From and To are whole days in UTC.
      </p>
      {problem && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
