import { DateTime } from '@/app/_components/ui/date-time';

import { PLAN_NAMES } from '../../_components/labels';
import { Section } from '../../_components/section';
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
    <Section title="Subscription">
      {subscriptions.length === 0 ? (
        <p>No subscription.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {subscriptions.map((subscription) => (
            <li key={subscription.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                {subscription.plan ? PLAN_NAMES[subscription.plan] : 'Unknown plan'}
                {subscription.interval &&
                  `, ${INTERVALS[subscription.interval] ?? subscription.interval}`}
              </span>
              <SubscriptionBadge status={subscription.status} />
              <span>
                <code className="text-xs text-slate-600 dark:text-slate-300">
                  {subscription.id}
                </code>
                <Period subscription={subscription} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
