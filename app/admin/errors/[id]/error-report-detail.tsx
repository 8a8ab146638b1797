'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { DateTime } from '@/app/_components/ui/date-time';
import { isRefusal, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';

import { count } from '../../_components/labels';
import { SeverityBadge } from '../../_components/severity-badge';
import { linkClass } from '../../_components/styles';
import { SOURCES } from '../sources';
import { ResolveReport } from './resolve-report';

const termClass = 'font-medium';

export function ErrorReportDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.admin.errorReport.queryOptions({ id }, { retry: retryUnlessRefused }),
  );

  if (detail.isPending) return <p role="status">Loading the error report…</p>;
  if (detail.isError) {
    return (
      <div className="space-y-4">
        <p role="alert">
          {isRefusal(detail.error)
            ? 'No such error report.'
            : `Could not load this error report: ${detail.error.message}`}
        </p>
        <p>
          <Link href="/admin/errors" className={linkClass}>
            Back to error reports
          </Link>
        </p>
      </div>
    );
  }

  const report = detail.data;
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className={termClass}>Message</dt>
        <dd className="break-words">{report.message}</dd>
        <dt className={termClass}>Fingerprint</dt>
        <dd>
          <code className="break-all">{report.fingerprint}</code>
        </dd>
        <dt className={termClass}>Severity</dt>
        <dd>
          <SeverityBadge severity={report.severity} />
        </dd>
        <dt className={termClass}>Count</dt>
        <dd>{count(report.count)}</dd>
        <dt className={termClass}>First seen</dt>
        <dd>
          <DateTime value={report.firstSeenAt} />
        </dd>
        <dt className={termClass}>Last seen</dt>
        <dd>
          <DateTime value={report.lastSeenAt} />
        </dd>
        <dt className={termClass}>Source</dt>
        <dd>{SOURCES[report.source]}</dd>
        <dt className={termClass}>Category</dt>
        <dd>
          <code>{report.category}</code>
        </dd>
        <dt className={termClass}>State</dt>
        <dd>
          {report.resolvedAt ? (
            <>
              Resolved on <DateTime value={report.resolvedAt} />
            </>
          ) : (
            'Open'
          )}
        </dd>
      </dl>
      <div className="space-y-2">
        <h2 className="text-xl font-semibold">Metadata</h2>
        {report.metadata ? (
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs whitespace-pre-wrap break-all dark:bg-slate-900">
            {JSON.stringify(report.metadata, null, 2)}
          </pre>
        ) : (
          <p>None.</p>
        )}
      </div>
      <ResolveReport id={report.id} resolved={report.resolvedAt !== null} />
    </div>
  );
}
