import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';

import { count } from '../../_components/labels';
import { SeverityBadge } from '../../_components/severity-badge';
import type { ErrorReport } from '../../_components/types';
import { SOURCES } from '../sources';

const termClass = 'text-muted-foreground';

/** What is known about one error report: its facts, then the metadata it came with. */
export function ErrorReportFacts({ report }: { report: ErrorReport }) {
  return (
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className={termClass}>Message</dt>
            <dd className="font-medium break-words">{report.message}</dd>
            <dt className={termClass}>Fingerprint</dt>
            <dd>
              <code className="break-all">{report.fingerprint}</code>
            </dd>
            <dt className={termClass}>Severity</dt>
            <dd>
              <SeverityBadge severity={report.severity} />
            </dd>
            <dt className={termClass}>Count</dt>
            <dd className="tabular-nums">{count(report.count)}</dd>
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
            <dd className="flex flex-wrap items-center gap-2">
              {report.resolvedAt ? (
                <>
                  <Badge tone="good">Resolved</Badge>
                  <span>
                    on <DateTime value={report.resolvedAt} exact />
                  </span>
                </>
              ) : (
                <Badge tone="warn">Open</Badge>
              )}
            </dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Metadata</CardTitle>
        </CardHeader>
        <CardContent>
          {report.metadata ? (
            <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">
              {JSON.stringify(report.metadata, null, 2)}
            </pre>
          ) : (
            <p className="text-sm text-muted-foreground">None.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
