'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { refusedFields, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';

import { Section } from '../_components/section';
import { hintClass } from '../_components/styles';
import { ComplianceForm, type DateRange } from './compliance-form';
import { ComplianceTable } from './compliance-table';
import { DownloadCsvButton } from './download-csv-button';

const FIELD_LABELS: Record<string, string> = { from: 'From', to: 'To' };

export function ComplianceReport({ initialRange }: { initialRange: DateRange }) {
  const trpc = useTRPC();
  const [range, setRange] = useState(initialRange);
  const report = useQuery(trpc.admin.compliance.queryOptions(range, { retry: retryUnlessRefused }));
  const problem = refusedFields(report.error, FIELD_LABELS);

  function run(next: DateRange) {
    // The same range again means "as of now", not the copy already on screen.
    if (next.from === range.from && next.to === range.to) void report.refetch();
    else setRange(next);
  }

  let body;
  if (problem) body = null;
  else if (report.isPending) body = <p role="status">Running the report…</p>;
  else if (report.isError) {
    body = <p role="alert">Could not run the report: {report.error.message}</p>;
  } else {
    const { from, to, rows, csv } = report.data;
    body = (
      <>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className={hintClass}>
            From {from} to {to}, whole days in UTC.
          </p>
          <DownloadCsvButton from={from} to={to} csv={csv} />
        </div>
        {rows.length === 0 ? <p>No events in this range.</p> : <ComplianceTable rows={rows} />}
      </>
    );
  }

  return (
    <div className="space-y-8">
      <ComplianceForm initialRange={initialRange} onRun={run} problem={problem} />
      <Section title="Results">{body}</Section>
    </div>
  );
}
