'use client';

import { useQuery } from '@tanstack/react-query';
import { BugIcon } from 'lucide-react';
import Link from 'next/link';

import { isRefusal, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { LoadingLines } from '@/app/_components/ui/skeleton';

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
        {isRefusal(detail.error) ? (
          <EmptyState
            icon={BugIcon}
            title="No such error report."
            action={
              <Button asChild variant="outline">
                <Link href="/admin/errors">Back to error reports</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState title="Could not load this error report." onRetry={() => detail.refetch()}>
            {detail.error.message}
          </ErrorState>
        )}
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
