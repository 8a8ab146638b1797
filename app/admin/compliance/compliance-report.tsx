'use client';

import { useQuery } from '@tanstack/react-query';
import { FileCheckIcon } from 'lucide-react';
import { useState } from 'react';

import { refusedFields, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

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

  let description = null;
  let action = null;
  let body;
  // A refused range is explained beside its fields, in the form.
  if (problem) body = <p className="text-sm text-muted-foreground">Correct the range above.</p>;
  else if (report.isPending) body = <LoadingLines label="Running the report…" />;
  else if (report.isError) {
    body = (
      <ErrorState title="Could not run the report." onRetry={() => report.refetch()}>
        {report.error.message}
      </ErrorState>
    );
  } else {
    const { from, to, rows, csv } = report.data;
    description = `From ${from} to ${to}, whole days in UTC.`;
    action = <DownloadCsvButton from={from} to={to} csv={csv} />;
    body =
      rows.length === 0 ? (
        <EmptyState icon={FileCheckIcon} title="No events in this range.">
          Choose an earlier From date to look further back.
        </EmptyState>
      ) : (
        <ComplianceTable rows={rows} />
      );
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardContent>
          <ComplianceForm initialRange={initialRange} onRun={run} problem={problem} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
          <div className="space-y-1">
            <CardTitle>Results</CardTitle>
            {description && <CardDescription>{description}</CardDescription>}
          </div>
          {action}
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    </div>
  );
}
