'use client';

import { useQuery } from '@tanstack/react-query';
import { UserXIcon } from 'lucide-react';

import { retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Skeleton } from '@/app/_components/ui/skeleton';

import { DetailFailure } from '../../_components/detail-failure';
import { ApiKeysSection } from './api-keys-section';
import { EventsSection } from './events-section';
import { ProfileSection } from './profile-section';
import { RoleSection } from './role-section';
import { SessionsSection } from './sessions-section';
import { SubscriptionSection } from './subscription-section';

const DESCRIPTION = 'Their profile, access and recent activity. Changes here apply at once.';

/** Card-shaped placeholders where the sections will be. */
function DetailSkeleton() {
  return (
    <div role="status" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <span className="sr-only">Loading user…</span>
      <Skeleton className="h-48" />
      <Skeleton className="h-48" />
      <Skeleton className="h-40 lg:col-span-2" />
      <Skeleton className="h-40 lg:col-span-2" />
    </div>
  );
}

export function UserDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.user.queryOptions({ userId }, { retry: retryUnlessRefused }));

  if (detail.isPending) {
    return (
      <>
        <PageHeader title="User" description={DESCRIPTION} />
        <DetailSkeleton />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title="User" />
        <DetailFailure
          error={detail.error}
          onRetry={() => detail.refetch()}
          icon={UserXIcon}
          missing="No such user."
          failed="Could not load this user."
          back={{ href: '/admin/users', label: 'Back to users' }}
        />
      </>
    );
  }

  const { user, subscriptions, apiKeys, sessions, recentEvents } = detail.data;
  return (
    <>
      <PageHeader
        title={<span className="break-all">{user.email ?? 'User without an email'}</span>}
        description={DESCRIPTION}
      />
      {/* grid-cols-1, not the implicit auto column, so a wide table scrolls inside its card. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 xl:grid-cols-3">
        <ProfileSection user={user} />
        <RoleSection userId={userId} email={user.email} role={user.role} />
        <SubscriptionSection subscriptions={subscriptions} />
        <ApiKeysSection userId={userId} apiKeys={apiKeys} />
        <SessionsSection userId={userId} sessions={sessions} />
        <EventsSection events={recentEvents} />
      </div>
    </>
  );
}
