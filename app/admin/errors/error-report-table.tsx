import Link from 'next/link';

import { DateTime } from '@/app/_components/ui/date-time';

import { cellClass, DataTable } from '../_components/data-table';
import { count } from '../_components/labels';
import { SeverityBadge } from '../_components/severity-badge';
import { linkClass } from '../_components/styles';
import type { ErrorReport } from '../_components/types';
import { SOURCES } from './sources';

const COLUMNS = ['Message', 'Severity', 'Count', 'First seen', 'Last seen', 'Source', 'Category'];

function Row({ report }: { report: ErrorReport }) {
  return (
    <tr>
      <td className={`${cellClass} max-w-md break-words`}>
        <Link href={`/admin/errors/${report.id}`} className={linkClass}>
          {report.message}
        </Link>
      </td>
      <td className={cellClass}>
        <SeverityBadge severity={report.severity} />
      </td>
      <td className={`${cellClass} tabular-nums`}>{count(report.count)}</td>
      <td className={cellClass}>
        <DateTime value={report.firstSeenAt} />
      </td>
      <td className={cellClass}>
        <DateTime value={report.lastSeenAt} />
      </td>
      <td className={cellClass}>{SOURCES[report.source]}</td>
      <td className={cellClass}>
        <code>{report.category}</code>
      </td>
    </tr>
  );
}

export function ErrorReportTable({ reports }: { reports: ErrorReport[] }) {
  return (
    <DataTable caption="Error reports" columns={COLUMNS}>
      {reports.map((report) => (
        <Row key={report.id} report={report} />
      ))}
    </DataTable>
  );
}
