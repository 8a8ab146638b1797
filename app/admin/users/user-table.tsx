import Link from 'next/link';

import { DateTime, NONE } from '@/app/_components/ui/date-time';

import { cellClass, DataTable } from '../_components/data-table';
import { PLAN_NAMES, roleName } from '../_components/labels';
import { linkClass } from '../_components/styles';
import { SubscriptionBadge } from '../_components/subscription-badge';
import type { UserDetail } from '../_components/types';

type UserSummary = UserDetail['user'];

const COLUMNS = ['Email', 'Name', 'Role', 'Plan', 'Subscription', 'Confirmed', 'Joined'];

function Row({ user }: { user: UserSummary }) {
  return (
    <tr>
      <td className={`${cellClass} break-all`}>
        <Link href={`/admin/users/${user.id}`} className={linkClass}>
          {user.email ?? 'No email'}
        </Link>
      </td>
      <td className={cellClass}>{user.displayName ?? NONE}</td>
      <td className={cellClass}>{roleName(user.role)}</td>
      <td className={cellClass}>{PLAN_NAMES[user.plan]}</td>
      <td className={cellClass}>
        {user.subscriptionStatus ? <SubscriptionBadge status={user.subscriptionStatus} /> : 'None'}
      </td>
      <td className={cellClass}>{user.emailConfirmed ? 'Yes' : 'No'}</td>
      <td className={cellClass}>
        <DateTime value={user.createdAt} />
      </td>
    </tr>
  );
}

export function UserTable({ users }: { users: UserSummary[] }) {
  return (
    <DataTable caption="Users" columns={COLUMNS}>
      {users.map((user) => (
        <Row key={user.id} user={user} />
      ))}
    </DataTable>
  );
}
