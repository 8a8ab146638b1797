import { DateTime } from '@/app/_components/ui/date-time';

import { Badge } from '../../_components/badge';
import { cellClass, DataTable } from '../../_components/data-table';
import { Section } from '../../_components/section';
import type { UserDetail } from '../../_components/types';

type AuditEvent = UserDetail['recentEvents'][number];

export function EventsSection({ events }: { events: AuditEvent[] }) {
  return (
    <Section title="Recent events">
      {events.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <DataTable caption="Recent events" columns={['Action', 'Time', 'Result']}>
          {events.map((event) => (
            <tr key={event.id}>
              <td className={cellClass}>
                <code>{event.action}</code>
              </td>
              <td className={cellClass}>
                <DateTime value={event.createdAt} />
              </td>
              <td className={cellClass}>
                {event.success ? <Badge tone="good">OK</Badge> : <Badge tone="bad">Failed</Badge>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
