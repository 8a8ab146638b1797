import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { count } from '../_components/labels';
import type { AdminOutputs } from '../_components/types';

type Row = AdminOutputs['compliance']['rows'][number];

export function ComplianceTable({ rows }: { rows: Row[] }) {
  return (
    <Table caption="Events per action" columns={['Action', 'Events', 'Distinct users']}>
      {rows.map((row) => (
        <TableRow key={row.action}>
          <TableCell>
            <code>{row.action}</code>
          </TableCell>
          <TableCell className="tabular-nums">{count(row.events)}</TableCell>
          <TableCell className="tabular-nums">{count(row.users)}</TableCell>
        </TableRow>
      ))}
    </Table>
  );
}
