import { useTranslations } from 'next-intl';

import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';

import { useLabels } from '../../_components/labels';
import { SubscriptionBadge } from '../../_components/subscription-badge';
import type { UserDetail } from '../../_components/types';

type Subscription = UserDetail['subscriptions'][number];

function Period({ subscription }: { subscription: Subscription }) {
  const t = useTranslations('admin.user.subscription');
  const { status, cancelAtPeriodEnd, currentPeriodEnd } = subscription;
  if (status === 'canceled' || !currentPeriodEnd) return null;
  const date = () => <DateTime value={currentPeriodEnd} />;
  return (
    <>
      {' · '}
      {cancelAtPeriodEnd ? t.rich('ends', { date }) : t.rich('renews', { date })}
    </>
  );
}

/** "Pro, monthly": the plan and, when known, how often it is billed. */
function PlanAndInterval({ subscription }: { subscription: Subscription }) {
  const t = useTranslations('admin.user.subscription');
  const labels = useLabels();
  const plan = subscription.plan ? labels.plan(subscription.plan) : t('unknownPlan');
  const { interval } = subscription;
  if (!interval) return plan;
  if (interval === 'month' || interval === 'year') {
    return t(`withInterval.${interval}`, { plan });
  }
  return t('withInterval.other', { plan, interval });
}

export function SubscriptionSection({ subscriptions }: { subscriptions: Subscription[] }) {
  const t = useTranslations('admin.user.subscription');
  return (
    <Card className="lg:col-span-2 xl:col-span-1">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {subscriptions.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <ul className="space-y-3 text-sm">
            {subscriptions.map((subscription) => (
              <li key={subscription.id} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    <PlanAndInterval subscription={subscription} />
                  </span>
                  <SubscriptionBadge status={subscription.status} />
                </div>
                <p className="text-muted-foreground">
                  <code className="text-xs break-all">{subscription.id}</code>
                  <Period subscription={subscription} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
