import { cellClass, DataTable } from '../_components/data-table';
import { count } from '../_components/labels';
import type { AdminOutputs } from '../_components/types';

type Row = AdminOutputs['compliance']['rows'][number];

export function ComplianceTable({ rows }: { rows: Row[] }) {
  return (
    <DataTable caption="Events per action" columns={['Action', 'Events', 'Distinct users']}>
      {rows.map((row) => (
        <tr key={row.action}>
          <td className={cellClass}>
            <code>{row.action}</code>
          </td>
          <td className={`${cellClass} tabular-nums`}>{count(row.events)}</td>
          <td className={`${cellClass} tabular-nums`}>{count(row.users)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
