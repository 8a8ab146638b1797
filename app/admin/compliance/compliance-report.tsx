'use client';

import { useQuery } from '@tanstack/react-query';
import { FileCheckIcon } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
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

/** A whole UTC day, "YYYY-MM-DD", as a Date at its start. */
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function ComplianceReport({ initialRange }: { initialRange: DateRange }) {
  const t = useTranslations('admin.compliance');
  const format = useFormatter();
  const trpc = useTRPC();
  const [range, setRange] = useState(initialRange);
  const report = useQuery(trpc.admin.compliance.queryOptions(range, { retry: retryUnlessRefused }));
  // The server's reasons stay as it words them; the fields are named as the form names them.
  const problem = refusedFields(report.error, { from: t('form.from'), to: t('form.to') });
  const day = (value: string) => {
    const date = utcDay(value);
    return Number.isNaN(date.getTime())
      ? value
      : format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' });
  };

  function run(next: DateRange) {
    // The same range again means "as of now", not the copy already on screen.
    if (next.from === range.from && next.to === range.to) void report.refetch();
    else setRange(next);
  }

  let description = null;
  let action = null;
  let body;
  // A refused range is explained beside its fields, in the form.
  if (problem) body = <p className="text-sm text-muted-foreground">{t('correctRange')}</p>;
  else if (report.isPending) body = <LoadingLines label={t('running')} />;
  else if (report.isError) {
    body = (
      <ErrorState title={t('runFailed')} onRetry={() => report.refetch()}>
        {report.error.message}
      </ErrorState>
    );
  } else {
    const { from, to, rows, csv } = report.data;
    description = t('range', { from: day(from), to: day(to) });
    action = <DownloadCsvButton from={from} to={to} csv={csv} />;
    body =
      rows.length === 0 ? (
        <EmptyState icon={FileCheckIcon} title={t('empty')}>
          {t('emptyHint')}
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
            <CardTitle>{t('results')}</CardTitle>
            {description && <CardDescription>{description}</CardDescription>}
          </div>
          {action}
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    </div>
  );
}
