'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { Meter } from '@/app/_components/ui/meter';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import type { Plan } from '@/server/billing/plans';

/**
 * The personal workspace's plan and usage. Read through the API (not on the server
 * with the page) because "requests this hour" is the limiter's count for this caller.
 */
export function UsageCard({ planNames }: { planNames: Record<Plan, string> }) {
  const t = useTranslations('overview.usage');
  const trpc = useTRPC();
  const overview = useQuery(trpc.billing.subscription.queryOptions());
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>{t('title')}</CardTitle>
        {overview.data && (
          <Badge tone={overview.data.plan === 'free' ? 'neutral' : 'brand'}>
            {planNames[overview.data.plan]}
          </Badge>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {overview.isPending ? (
          <LoadingLines label={t('loading')} />
        ) : overview.isError ? (
          <ErrorState title={t('loadFailed')} onRetry={() => overview.refetch()} />
        ) : (
          <>
            {overview.data.usage.requests && (
              <Meter
                label={t('requests')}
                used={overview.data.usage.requests.used}
                limit={overview.data.usage.requests.limit}
              />
            )}
            <Meter
              label={t('apiKeys')}
              used={overview.data.usage.apiKeys.used}
              limit={overview.data.usage.apiKeys.limit}
            />
            <Link
              href="/dashboard/billing"
              className="inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
            >
              {t('billing')}
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
