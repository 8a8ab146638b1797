import { Badge } from '@/app/_components/ui/badge';
import { DateTime, NONE } from '@/app/_components/ui/date-time';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { PLAN_NAMES, roleName } from '../_components/labels';
import { RecordLink } from '../_components/record-link';
import { SubscriptionBadge } from '../_components/subscription-badge';
import type { UserDetail } from '../_components/types';

type UserSummary = UserDetail['user'];

const COLUMNS = ['Email', 'Name', 'Role', 'Plan', 'Subscription', 'Confirmed', 'Joined'];

function Row({ user }: { user: UserSummary }) {
  return (
    <TableRow>
      <TableCell className="break-all">
        <RecordLink href={`/admin/users/${user.id}`}>{user.email ?? 'No email'}</RecordLink>
      </TableCell>
      <TableCell>{user.displayName ?? NONE}</TableCell>
      <TableCell>
        {user.role === 'admin' ? (
          <Badge tone="brand">{roleName(user.role)}</Badge>
        ) : (
          roleName(user.role)
        )}
      </TableCell>
      <TableCell>{PLAN_NAMES[user.plan]}</TableCell>
      <TableCell>
        {user.subscriptionStatus ? <SubscriptionBadge status={user.subscriptionStatus} /> : 'None'}
      </TableCell>
      <TableCell>{user.emailConfirmed ? 'Yes' : 'No'}</TableCell>
      <TableCell>
        <DateTime value={user.createdAt} />
      </TableCell>
    </TableRow>
  );
}

export function UserTable({ users }: { users: UserSummary[] }) {
  return (
    <Table caption="Users" columns={COLUMNS}>
      {users.map((user) => (
        <Row key={user.id} user={user} />
      ))}
    </Table>
  );
}
