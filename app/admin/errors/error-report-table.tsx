import { useFormatter, useTranslations } from 'next-intl';

import { DateTime } from '@/app/_components/ui/date-time';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { RecordLink } from '../_components/record-link';
import { SeverityBadge } from '../_components/severity-badge';
import type { ErrorReport } from '../_components/types';

function Row({ report }: { report: ErrorReport }) {
  const t = useTranslations('admin.errors');
  const format = useFormatter();
  return (
    <TableRow>
      <TableCell className="max-w-md break-words">
        <RecordLink href={`/admin/errors/${report.id}`}>{report.message}</RecordLink>
      </TableCell>
      <TableCell>
        <SeverityBadge severity={report.severity} />
      </TableCell>
      <TableCell className="tabular-nums">{format.number(report.count)}</TableCell>
      <TableCell>
        <DateTime value={report.firstSeenAt} />
      </TableCell>
      <TableCell>
        <DateTime value={report.lastSeenAt} />
      </TableCell>
      <TableCell>{t(`source.${report.source}`)}</TableCell>
      <TableCell>
        <code>{report.category}</code>
      </TableCell>
    </TableRow>
  );
}

export function ErrorReportTable({ reports }: { reports: ErrorReport[] }) {
  const t = useTranslations('admin.errors');
  const columns = [
    t('columns.message'),
    t('columns.severity'),
    t('columns.count'),
    t('columns.firstSeen'),
    t('columns.lastSeen'),
    t('columns.source'),
    t('columns.category'),
  ];
  return (
    <Table caption={t('title')} columns={columns}>
      {reports.map((report) => (
        <Row key={report.id} report={report} />
      ))}
    </Table>
  );
}
