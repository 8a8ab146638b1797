'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

import { SelectField } from '../_components/select-field';
import { pickOption } from '../_components/types';
import { ErrorReportTable } from './error-report-table';

const STATES = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
] as const;

type State = (typeof STATES)[number]['value'];

const EMPTY: Record<State, string> = {
  open: 'No open error reports.',
  resolved: 'No resolved error reports.',
  all: 'No error reports.',
};

export function ErrorReports() {
  const trpc = useTRPC();
  const [state, setState] = useState<State>('open');
  const reports = useQuery(trpc.admin.errorReports.queryOptions({ state }));

  let body;
  if (reports.isPending) body = <p role="status">Loading error reports…</p>;
  else if (reports.isError) {
    body = <p role="alert">Could not load error reports: {reports.error.message}</p>;
  } else if (reports.data.length === 0) body = <p>{EMPTY[state]}</p>;
  else body = <ErrorReportTable reports={reports.data} />;

  return (
    <div className="space-y-6">
      <SelectField
        label="Show"
        value={state}
        onChange={(event) => setState(pickOption(STATES, event.target.value) ?? 'open')}
        options={STATES}
      />
      {body}
    </div>
  );
}
