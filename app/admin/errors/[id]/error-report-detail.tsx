'use client';

import { useQuery } from '@tanstack/react-query';
import { BugIcon } from 'lucide-react';

import { retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { PageHeader } from '@/app/_components/ui/page-header';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { DetailFailure } from '../../_components/detail-failure';
import { ErrorReportFacts } from './error-report-facts';
import { ResolveReport } from './resolve-report';

const TITLE = 'Error report';
const DESCRIPTION = 'One error, its occurrences grouped by fingerprint.';

export function ErrorReportDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.admin.errorReport.queryOptions({ id }, { retry: retryUnlessRefused }),
  );

  if (detail.isPending) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        <LoadingLines label="Loading the error report…" lines={6} />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title={TITLE} />
        <DetailFailure
          error={detail.error}
          onRetry={() => detail.refetch()}
          icon={BugIcon}
          missing="No such error report."
          failed="Could not load this error report."
          back={{ href: '/admin/errors', label: 'Back to error reports' }}
        />
      </>
    );
  }

  const report = detail.data;
  return (
    <>
      <PageHeader
        title={TITLE}
        description={DESCRIPTION}
        actions={report.resolvedAt === null && <ResolveReport id={report.id} />}
      />
      <ErrorReportFacts report={report} />
    </>
  );
}
