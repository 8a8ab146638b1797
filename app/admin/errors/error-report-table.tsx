import { DateTime } from '@/app/_components/ui/date-time';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { count } from '../_components/labels';
import { RecordLink } from '../_components/record-link';
import { SeverityBadge } from '../_components/severity-badge';
import type { ErrorReport } from '../_components/types';
import { SOURCES } from './sources';

const COLUMNS = ['Message', 'Severity', 'Count', 'First seen', 'Last seen', 'Source', 'Category'];

function Row({ report }: { report: ErrorReport }) {
  return (
    <TableRow>
      <TableCell className="max-w-md break-words">
        <RecordLink href={`/admin/errors/${report.id}`}>{report.message}</RecordLink>
      </TableCell>
      <TableCell>
        <SeverityBadge severity={report.severity} />
      </TableCell>
      <TableCell className="tabular-nums">{count(report.count)}</TableCell>
      <TableCell>
        <DateTime value={report.firstSeenAt} />
      </TableCell>
      <TableCell>
        <DateTime value={report.lastSeenAt} />
      </TableCell>
      <TableCell>{SOURCES[report.source]}</TableCell>
      <TableCell>
        <code>{report.category}</code>
      </TableCell>
    </TableRow>
  );
}

export function ErrorReportTable({ reports }: { reports: ErrorReport[] }) {
  return (
    <Table caption="Error reports" columns={COLUMNS}>
      {reports.map((report) => (
        <Row key={report.id} report={report} />
      ))}
    </Table>
  );
}
