'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { isRefusal, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';

import { linkClass } from '../../_components/styles';
import { ApiKeysSection } from './api-keys-section';
import { EventsSection } from './events-section';
import { ProfileSection } from './profile-section';
import { RoleSection } from './role-section';
import { SessionsSection } from './sessions-section';
import { SubscriptionSection } from './subscription-section';

const headingClass = 'text-3xl font-bold tracking-tight break-all';

export function UserDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.user.queryOptions({ userId }, { retry: retryUnlessRefused }));

  if (detail.isPending) {
    return (
      <div className="space-y-4">
        <h1 className={headingClass}>User</h1>
        <p role="status">Loading user…</p>
      </div>
    );
  }
  if (detail.isError) {
    // A malformed id is refused with 400: to the reader it is just as missing.
    const missing = isRefusal(detail.error);
    return (
      <div className="space-y-4">
        <h1 className={headingClass}>User</h1>
        <p role="alert">
          {missing ? 'No such user.' : `Could not load this user: ${detail.error.message}`}
        </p>
        <p>
          <Link href="/admin/users" className={linkClass}>
            Back to users
          </Link>
        </p>
      </div>
    );
  }

  const { user, subscriptions, apiKeys, sessions, recentEvents } = detail.data;
  return (
    <div className="space-y-10">
      <h1 className={headingClass}>{user.email ?? 'User without an email'}</h1>
      <ProfileSection user={user} />
      <SubscriptionSection subscriptions={subscriptions} />
      <ApiKeysSection userId={userId} apiKeys={apiKeys} />
      <SessionsSection userId={userId} sessions={sessions} />
      <EventsSection events={recentEvents} />
      <RoleSection userId={userId} role={user.role} />
    </div>
  );
}
