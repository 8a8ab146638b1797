import { useFormatter, useTranslations } from 'next-intl';

import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import type { AdminOutputs } from '../_components/types';

type Row = AdminOutputs['compliance']['rows'][number];

export function ComplianceTable({ rows }: { rows: Row[] }) {
  const t = useTranslations('admin.compliance.table');
  const format = useFormatter();
  return (
    <Table
      caption={t('caption')}
      columns={[t('columns.action'), t('columns.events'), t('columns.users')]}
    >
      {rows.map((row) => (
        <TableRow key={row.action}>
          <TableCell>
            <code>{row.action}</code>
          </TableCell>
          <TableCell className="tabular-nums">{format.number(row.events)}</TableCell>
          <TableCell className="tabular-nums">{format.number(row.users)}</TableCell>
        </TableRow>
      ))}
    </Table>
  );
}
