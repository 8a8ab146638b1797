'use client';

import { useQuery } from '@tanstack/react-query';
import { UserXIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { retryUnlessRefused } from '@/app/_components/refusal';
import { useTRPC } from '@/app/_components/trpc-provider';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Skeleton } from '@/app/_components/ui/skeleton';

import { DetailFailure } from '../../_components/detail-failure';
import { ApiKeysSection } from './api-keys-section';
import { EventsSection } from './events-section';
import { ImpersonateSection } from './impersonate-section';
import { ProfileSection } from './profile-section';
import { RoleSection } from './role-section';
import { SessionsSection } from './sessions-section';
import { SubscriptionSection } from './subscription-section';

/** Card-shaped placeholders where the sections will be. */
function DetailSkeleton() {
  const t = useTranslations('admin.user');
  return (
    <div role="status" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <span className="sr-only">{t('loading')}</span>
      <Skeleton className="h-48" />
      <Skeleton className="h-48" />
      <Skeleton className="h-40 lg:col-span-2" />
      <Skeleton className="h-40 lg:col-span-2" />
    </div>
  );
}

export function UserDetail({ userId }: { userId: string }) {
  const t = useTranslations('admin.user');
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.user.queryOptions({ userId }, { retry: retryUnlessRefused }));

  if (detail.isPending) {
    return (
      <>
        <PageHeader title={t('title')} description={t('description')} />
        <DetailSkeleton />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t('title')} />
        <DetailFailure
          error={detail.error}
          onRetry={() => detail.refetch()}
          icon={UserXIcon}
          missing={t('missing')}
          failed={t('loadFailed')}
          back={{ href: '/admin/users', label: t('back') }}
        />
      </>
    );
  }

  const { user, subscriptions, apiKeys, sessions, recentEvents } = detail.data;
  return (
    <>
      <PageHeader
        title={<span className="break-all">{user.email ?? t('noEmail')}</span>}
        description={t('description')}
      />
      {/* grid-cols-1, not the implicit auto column, so a wide table scrolls inside its card. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 xl:grid-cols-3">
        <ProfileSection user={user} />
        <RoleSection userId={userId} email={user.email} role={user.role} />
        {user.role !== 'admin' && user.emailConfirmed && (
          <ImpersonateSection userId={userId} email={user.email} />
        )}
        <SubscriptionSection subscriptions={subscriptions} />
        <ApiKeysSection userId={userId} apiKeys={apiKeys} />
        <SessionsSection userId={userId} sessions={sessions} />
        <EventsSection events={recentEvents} />
      </div>
    </>
  );
}
