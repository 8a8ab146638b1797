import { useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { DateTime } from '@/app/_components/ui/date-time';
import { NONE } from '@/app/_components/ui/none';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { useLabels } from '../_components/labels';
import { RecordLink } from '../_components/record-link';
import { SubscriptionBadge } from '../_components/subscription-badge';
import type { UserDetail } from '../_components/types';

type UserSummary = UserDetail['user'];

function Row({ user }: { user: UserSummary }) {
  const t = useTranslations('admin');
  const labels = useLabels();
  return (
    <TableRow>
      <TableCell className="break-all">
        <RecordLink href={`/admin/users/${user.id}`}>
          {user.email ?? t('users.list.noEmail')}
        </RecordLink>
      </TableCell>
      <TableCell>{user.displayName ?? NONE}</TableCell>
      <TableCell>
        {user.role === 'admin' ? (
          <Badge tone="brand">{labels.role(user.role)}</Badge>
        ) : (
          labels.role(user.role)
        )}
      </TableCell>
      <TableCell>{labels.plan(user.plan)}</TableCell>
      <TableCell>
        {user.subscriptionStatus ? (
          <SubscriptionBadge status={user.subscriptionStatus} />
        ) : (
          t('labels.none')
        )}
      </TableCell>
      <TableCell>{user.emailConfirmed ? t('labels.yes') : t('labels.no')}</TableCell>
      <TableCell>
        <DateTime value={user.createdAt} />
      </TableCell>
    </TableRow>
  );
}

export function UserTable({ users }: { users: UserSummary[] }) {
  const t = useTranslations('admin.users.list');
  const columns = [
    t('columns.email'),
    t('columns.name'),
    t('columns.role'),
    t('columns.plan'),
    t('columns.subscription'),
    t('columns.confirmed'),
    t('columns.joined'),
  ];
  return (
    <Table caption={t('caption')} columns={columns}>
      {users.map((user) => (
        <Row key={user.id} user={user} />
      ))}
    </Table>
  );
}
