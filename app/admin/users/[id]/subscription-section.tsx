import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';

import { PLAN_NAMES } from '../../_components/labels';
import { SubscriptionBadge } from '../../_components/subscription-badge';
import type { UserDetail } from '../../_components/types';

type Subscription = UserDetail['subscriptions'][number];

const INTERVALS: Record<string, string> = { month: 'monthly', year: 'yearly' };

function Period({ subscription }: { subscription: Subscription }) {
  const { status, cancelAtPeriodEnd, currentPeriodEnd } = subscription;
  if (status === 'canceled' || !currentPeriodEnd) return null;
  return (
    <>
      {' · '}
      {cancelAtPeriodEnd ? 'ends' : 'renews'} <DateTime value={currentPeriodEnd} />
    </>
  );
}

export function SubscriptionSection({ subscriptions }: { subscriptions: Subscription[] }) {
  return (
    <Card className="lg:col-span-2 xl:col-span-1">
      <CardHeader>
        <CardTitle>Subscription</CardTitle>
      </CardHeader>
      <CardContent>
        {subscriptions.length === 0 ? (
          <EmptyState title="No subscription." />
        ) : (
          <ul className="space-y-3 text-sm">
            {subscriptions.map((subscription) => (
              <li key={subscription.id} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {subscription.plan ? PLAN_NAMES[subscription.plan] : 'Unknown plan'}
                    {subscription.interval &&
                      `, ${INTERVALS[subscription.interval] ?? subscription.interval}`}
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
