import { HistoryIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import type { UserDetail } from '../../_components/types';

type AuditEvent = UserDetail['recentEvents'][number];

export function EventsSection({ events }: { events: AuditEvent[] }) {
  const t = useTranslations('admin.user.events');
  return (
    <Card className="lg:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {events.length === 0 ? (
          <EmptyState icon={HistoryIcon} title={t('empty')} />
        ) : (
          <Table
            caption={t('title')}
            columns={[t('columns.action'), t('columns.time'), t('columns.result')]}
          >
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell>
                  <code>{event.action}</code>
                </TableCell>
                <TableCell>
                  <DateTime value={event.createdAt} />
                </TableCell>
                <TableCell>
                  {event.success ? (
                    <Badge tone="good">{t('ok')}</Badge>
                  ) : (
                    <Badge tone="bad">{t('failed')}</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
