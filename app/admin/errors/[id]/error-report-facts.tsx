import { useFormatter, useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';

import { SeverityBadge } from '../../_components/severity-badge';
import type { ErrorReport } from '../../_components/types';

const termClass = 'text-muted-foreground';

/** What is known about one error report: its facts, then the metadata it came with. */
export function ErrorReportFacts({ report }: { report: ErrorReport }) {
  const t = useTranslations('admin.errorReport');
  const errors = useTranslations('admin.errors');
  const format = useFormatter();
  const resolvedAt = report.resolvedAt;
  return (
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t('details')}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className={termClass}>{errors('columns.message')}</dt>
            <dd className="font-medium break-words">{report.message}</dd>
            <dt className={termClass}>{t('fingerprint')}</dt>
            <dd>
              <code className="break-all">{report.fingerprint}</code>
            </dd>
            <dt className={termClass}>{errors('columns.severity')}</dt>
            <dd>
              <SeverityBadge severity={report.severity} />
            </dd>
            <dt className={termClass}>{errors('columns.count')}</dt>
            <dd className="tabular-nums">{format.number(report.count)}</dd>
            <dt className={termClass}>{errors('columns.firstSeen')}</dt>
            <dd>
              <DateTime value={report.firstSeenAt} />
            </dd>
            <dt className={termClass}>{errors('columns.lastSeen')}</dt>
            <dd>
              <DateTime value={report.lastSeenAt} />
            </dd>
            <dt className={termClass}>{errors('columns.source')}</dt>
            <dd>{errors(`source.${report.source}`)}</dd>
            <dt className={termClass}>{errors('columns.category')}</dt>
            <dd>
              <code>{report.category}</code>
            </dd>
            <dt className={termClass}>{t('state')}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {resolvedAt ? (
                <>
                  <Badge tone="good">{errors('states.resolved')}</Badge>
                  <span>
                    {t.rich('resolvedOn', { date: () => <DateTime value={resolvedAt} exact /> })}
                  </span>
                </>
              ) : (
                <Badge tone="warn">{errors('states.open')}</Badge>
              )}
            </dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('metadata')}</CardTitle>
        </CardHeader>
        <CardContent>
          {report.metadata ? (
            <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">
              {JSON.stringify(report.metadata, null, 2)}
            </pre>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noMetadata')}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
