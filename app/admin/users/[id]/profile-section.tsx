import { DateTime, NONE } from '@/app/_components/ui/date-time';

import { PLAN_NAMES, roleName } from '../../_components/labels';
import { Section } from '../../_components/section';
import type { UserDetail } from '../../_components/types';

export function ProfileSection({ user }: { user: UserDetail['user'] }) {
  return (
    <Section title="Profile">
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Name</dt>
        <dd>{user.displayName ?? NONE}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{roleName(user.role)}</dd>
        <dt className="font-medium">Plan</dt>
        <dd>{PLAN_NAMES[user.plan]}</dd>
        <dt className="font-medium">Email confirmed</dt>
        <dd>{user.emailConfirmed ? 'Yes' : 'No'}</dd>
        <dt className="font-medium">Joined</dt>
        <dd>
          <DateTime value={user.createdAt} />
        </dd>
      </dl>
    </Section>
  );
}
