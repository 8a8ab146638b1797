'use client';

import { useQuery } from '@tanstack/react-query';
import { UserXIcon } from 'lucide-react';
import Link from 'next/link';

import { isRefusal, retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Skeleton } from '@/app/_components/ui/skeleton';

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
    <div role="status" className="grid gap-6 lg:grid-cols-2">
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
        {/* A malformed id is refused with 400: to the reader it is just as missing. */}
        {isRefusal(detail.error) ? (
          <EmptyState
            icon={UserXIcon}
            title="No such user."
            action={
              <Button asChild variant="outline">
                <Link href="/admin/users">Back to users</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState title="Could not load this user." onRetry={() => detail.refetch()}>
            {detail.error.message}
          </ErrorState>
        )}
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
      <div className="grid gap-6 lg:grid-cols-2">
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
