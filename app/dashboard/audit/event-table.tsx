import { useTranslations } from 'next-intl';

import type { RouterOutputs } from '@/app/_components/api-types';
import { Badge } from '@/app/_components/ui/badge';
import { DateTime } from '@/app/_components/ui/date-time';
import { NONE } from '@/app/_components/ui/none';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

export type AuditEvent = RouterOutputs['audit']['list']['items'][number];

function Resource({ type, id }: { type: string | null; id: string | null }) {
  if (!type && !id) return NONE;
  return (
    <>
      {type}
      {type && id && ' '}
      {id && <code className="text-xs break-all text-muted-foreground">{id}</code>}
    </>
  );
}

function Details({ details }: { details: AuditEvent['details'] }) {
  const t = useTranslations('audit.table');
  if (!details) return NONE;
  return (
    <details>
      <summary className="cursor-pointer">{t('details')}</summary>
      <pre className="mt-2 max-w-xs overflow-x-auto rounded-md bg-muted p-2 text-xs break-all whitespace-pre-wrap">
        {JSON.stringify(details, null, 2)}
      </pre>
    </details>
  );
}

const COLUMNS = ['time', 'action', 'by', 'result', 'resource', 'ip', 'details'] as const;

// Who acted, as the server says it → its message key.
const ACTED_BY = { you: 'you', 'someone else': 'someoneElse', system: 'system' } as const;

function Row({ event }: { event: AuditEvent }) {
  const t = useTranslations('audit.table');
  return (
    <TableRow aria-label={t('row', { action: event.action })}>
      <TableCell>
        <DateTime value={event.createdAt} />
      </TableCell>
      <TableCell>
        <code>{event.action}</code>
      </TableCell>
      <TableCell>{t(`actedBy.${ACTED_BY[event.actedBy]}`)}</TableCell>
      <TableCell>
        {event.success ? (
          <Badge tone="good">{t('ok')}</Badge>
        ) : (
          <Badge tone="bad">{t('failed')}</Badge>
        )}
      </TableCell>
      <TableCell>
        <Resource type={event.resourceType} id={event.resourceId} />
      </TableCell>
      <TableCell className="break-all">{event.ip ?? NONE}</TableCell>
      <TableCell>
        <Details details={event.details} />
      </TableCell>
    </TableRow>
  );
}

export function EventTable({ events }: { events: AuditEvent[] }) {
  const t = useTranslations('audit.table');
  return (
    <Table caption={t('caption')} columns={COLUMNS.map((column) => t(`columns.${column}`))}>
      {events.map((event) => (
        <Row key={event.id} event={event} />
      ))}
    </Table>
  );
}
