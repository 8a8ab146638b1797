import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime, NONE } from '@/app/_components/ui/date-time';

import { PLAN_NAMES, roleName } from '../../_components/labels';
import type { UserDetail } from '../../_components/types';

export function ProfileSection({ user }: { user: UserDetail['user'] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user.displayName ?? NONE}</dd>
          <dt className="text-muted-foreground">Role</dt>
          <dd>
            <Badge tone={user.role === 'admin' ? 'brand' : 'neutral'}>{roleName(user.role)}</Badge>
          </dd>
          <dt className="text-muted-foreground">Plan</dt>
          <dd>{PLAN_NAMES[user.plan]}</dd>
          <dt className="text-muted-foreground">Email confirmed</dt>
          <dd>
            {user.emailConfirmed ? <Badge tone="good">Yes</Badge> : <Badge tone="warn">No</Badge>}
          </dd>
          <dt className="text-muted-foreground">Joined</dt>
          <dd>
            <DateTime value={user.createdAt} />
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
