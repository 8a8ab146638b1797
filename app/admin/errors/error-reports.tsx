'use client';

import { useQuery } from '@tanstack/react-query';
import { BugIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { SelectField } from '../_components/select-field';
import { pickOption } from '../_components/types';
import { ErrorReportTable } from './error-report-table';

const STATES = ['open', 'resolved', 'all'] as const;

export function ErrorReports() {
  const t = useTranslations('admin.errors');
  const trpc = useTRPC();
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const reports = useQuery(trpc.admin.errorReports.queryOptions({ state }));

  let body;
  if (reports.isPending) body = <LoadingLines label={t('loading')} lines={5} />;
  else if (reports.isError) {
    body = (
      <ErrorState title={t('loadFailed')} onRetry={() => reports.refetch()}>
        {reports.error.message}
      </ErrorState>
    );
  } else if (reports.data.length === 0) {
    body = (
      <EmptyState
        icon={BugIcon}
        title={t(`empty.${state}`)}
        action={
          state !== 'all' && (
            <Button variant="outline" onClick={() => setState('all')}>
              {t('showAll')}
            </Button>
          )
        }
      />
    );
  } else body = <ErrorReportTable reports={reports.data} />;

  return (
    <div className="space-y-6">
      <SelectField
        label={t('show')}
        value={state}
        onChange={(event) => setState(pickOption(STATES, event.target.value) ?? 'open')}
        options={STATES.map((value) => ({ value, label: t(`states.${value}`) }))}
        className="w-48"
      />
      {body}
    </div>
  );
}
