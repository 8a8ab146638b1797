'use client';

import { useQuery } from '@tanstack/react-query';
import { BugIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { PageHeader } from '@/app/_components/ui/page-header';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { DetailFailure } from '../../_components/detail-failure';
import { ErrorReportFacts } from './error-report-facts';
import { ResolveReport } from './resolve-report';

export function ErrorReportDetail({ id }: { id: string }) {
  const t = useTranslations('admin.errorReport');
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.admin.errorReport.queryOptions({ id }, { retry: retryUnlessRefused }),
  );

  if (detail.isPending) {
    return (
      <>
        <PageHeader title={t('title')} description={t('description')} />
        <LoadingLines label={t('loading')} lines={6} />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t('title')} />
        <DetailFailure
          error={detail.error}
          onRetry={() => detail.refetch()}
          icon={BugIcon}
          missing={t('missing')}
          failed={t('loadFailed')}
          back={{ href: '/admin/errors', label: t('back') }}
        />
      </>
    );
  }

  const report = detail.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={report.resolvedAt === null && <ResolveReport id={report.id} />}
      />
      <ErrorReportFacts report={report} />
    </>
  );
}
