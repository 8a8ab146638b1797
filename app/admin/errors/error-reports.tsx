'use client';

import { useQuery } from '@tanstack/react-query';
import { BugIcon } from 'lucide-react';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

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
  if (reports.isPending) body = <LoadingLines label="Loading error reports…" lines={5} />;
  else if (reports.isError) {
    body = (
      <ErrorState title="Could not load error reports." onRetry={() => reports.refetch()}>
        {reports.error.message}
      </ErrorState>
    );
  } else if (reports.data.length === 0) {
    body = (
      <EmptyState
        icon={BugIcon}
        title={EMPTY[state]}
        action={
          state !== 'all' && (
            <Button variant="outline" onClick={() => setState('all')}>
              Show all reports
            </Button>
          )
        }
      />
    );
  } else body = <ErrorReportTable reports={reports.data} />;

  return (
    <div className="space-y-6">
      <SelectField
        label="Show"
        value={state}
        onChange={(event) => setState(pickOption(STATES, event.target.value) ?? 'open')}
        options={STATES}
        className="w-48"
      />
      {body}
    </div>
  );
}
