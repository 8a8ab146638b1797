'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { Skeleton } from '@/app/_components/ui/skeleton';
import type { Plan } from '@/server/billing/plans';

import { ManageBillingButton, UpgradeButton } from './billing-actions';
import { BillingOffNotice } from './billing-off-notice';
import { CurrentPlan } from './current-plan';
import { UsageMeter } from './usage-meter';

export type PlanSummary = { id: Plan; name: string; rank: number };

/** Two cards' worth of placeholder, the shape of what is coming. */
function LoadingBilling() {
  const t = useTranslations('billing.overview');
  return (
    <div role="status" className="grid gap-6 md:grid-cols-2">
      <span className="sr-only">{t('loading')}</span>
      <Skeleton className="h-40" />
      <Skeleton className="h-40" />
    </div>
  );
}

/**
 * `billingConfigured`: billingFromEnv() on the server; without it, nothing to buy.
 * `organizationId`: a team's billing; without it, the personal workspace's.
 */
export function BillingOverview({
  plans,
  billingConfigured,
  organizationId,
}: {
  plans: PlanSummary[];
  billingConfigured: boolean;
  organizationId?: string;
}) {
  const t = useTranslations('billing');
  const format = useFormatter();
  const trpc = useTRPC();
  const personal = useQuery({
    ...trpc.billing.subscription.queryOptions(),
    enabled: !organizationId,
  });
  const team = useQuery({
    ...trpc.organizations.billing.queryOptions({ organizationId: organizationId ?? '' }),
    enabled: Boolean(organizationId),
    // Members join and leave from other browsers too: the seats are read afresh.
    refetchOnMount: 'always',
  });
  const overview = organizationId ? team : personal;

  if (overview.isPending) return <LoadingBilling />;
  if (overview.isError) {
    return <ErrorState title={t('overview.loadFailed')} onRetry={() => overview.refetch()} />;
  }

  const { plan, subscription, hasBillingAccount, usage } = overview.data;
  const current = plans.find((summary) => summary.id === plan);
  // Someone who already pays switches plan in Stripe's portal (one subscription each).
  const upgrades =
    billingConfigured && plan === 'free' ? plans.filter((summary) => summary.id !== 'free') : [];
  const portal = hasBillingAccount && billingConfigured;
  const resetsAt = usage.requests?.resetsAt ?? null;
  // Each usage line whole, as the specs read it ("API keys: 3 of 20").
  const used = (value: number) => format.number(value);
  const apiKeysLine =
    usage.apiKeys.limit === null
      ? t('usage.apiKeysUnlimited', { used: used(usage.apiKeys.used) })
      : t('usage.apiKeys', { used: used(usage.apiKeys.used), limit: used(usage.apiKeys.limit) });

  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        <CurrentPlan planName={current?.name ?? plan} subscription={subscription} />
        <Card>
          <CardHeader>
            <CardTitle>{t('overview.usage')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-4">
              {organizationId && (
                <UsageMeter
                  text={
                    usage.seats.limit === null
                      ? t('usage.membersPerSeat', { used: used(usage.seats.used) })
                      : t('usage.members', {
                          used: used(usage.seats.used),
                          limit: used(usage.seats.limit),
                        })
                  }
                  used={usage.seats.used}
                  limit={usage.seats.limit}
                />
              )}
              <UsageMeter
                text={apiKeysLine}
                used={usage.apiKeys.used}
                limit={usage.apiKeys.limit}
              />
              {usage.requests && (
                <UsageMeter
                  text={
                    usage.requests.limit === null
                      ? t('usage.requestsUnlimited', { used: used(usage.requests.used) })
                      : t('usage.requests', {
                          used: used(usage.requests.used),
                          limit: used(usage.requests.limit),
                        })
                  }
                  used={usage.requests.used}
                  limit={usage.requests.limit}
                  hint={t.rich('usage.resets', {
                    time: () => <DateTime value={resetsAt} />,
                  })}
                />
              )}
            </ul>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('overview.changePlan')}</CardTitle>
          {billingConfigured && (
            <CardDescription>
              {upgrades.length === 0
                ? t('overview.inPortal')
                : organizationId
                  ? t('overview.teamUpgrades', { seats: used(usage.seats.used) })
                  : t('overview.personalUpgrades')}
            </CardDescription>
          )}
        </CardHeader>
        <CardContent className="space-y-4">
          {billingConfigured ? (
            <>
              {upgrades.length > 0 && (
                <ul className="grid gap-4 sm:grid-cols-2">
                  {upgrades.map((summary) =>
                    summary.id === 'free' ? null : (
                      <li key={summary.id}>
                        <Card className="h-full shadow-none">
                          <CardHeader>
                            <CardTitle as="h3">{summary.name}</CardTitle>
                            <CardDescription>{t('overview.billedMonthly')}</CardDescription>
                          </CardHeader>
                          <CardContent>
                            <UpgradeButton
                              plan={summary.id}
                              interval="month"
                              label={t('actions.upgradeTo', { plan: summary.name })}
                              offerPortal={!hasBillingAccount}
                              organizationId={organizationId}
                            />
                          </CardContent>
                        </Card>
                      </li>
                    ),
                  )}
                </ul>
              )}
              {portal && <ManageBillingButton organizationId={organizationId} />}
            </>
          ) : (
            <BillingOffNotice />
          )}
          <Button variant="link" asChild className="px-0">
            <Link href="/pricing">{t('overview.comparePlans')}</Link>
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
