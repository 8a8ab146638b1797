import { AlertTriangleIcon } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';

import type { RouterOutputs } from '@/app/_components/api-types';
import { Badge, type Tone } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';

type Subscription = NonNullable<RouterOutputs['billing']['subscription']['subscription']>;

// Stripe's statuses that have a word of their own (billing.status.*).
const STATUSES = [
  'active',
  'trialing',
  'past_due',
  'canceled',
  'unpaid',
  'incomplete',
  'incomplete_expired',
  'paused',
] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (status: string): status is Status =>
  (STATUSES as readonly string[]).includes(status);

const STATUS_TONES: Record<string, Tone> = {
  active: 'good',
  trialing: 'good',
  past_due: 'warn',
  unpaid: 'bad',
};

/** The subscription's next (or last) date: the message key and the date. */
function periodLine(subscription: Subscription) {
  const { status, cancelAtPeriodEnd, cancelAt, canceledAt, currentPeriodEnd } = subscription;
  if (status === 'canceled')
    return canceledAt ? ({ key: 'canceledOn', date: canceledAt } as const) : null;
  const cancelsOn = cancelAt ?? (cancelAtPeriodEnd ? currentPeriodEnd : null);
  if (cancelsOn) return { key: 'cancelsOn', date: cancelsOn } as const;
  return currentPeriodEnd ? ({ key: 'renewsOn', date: currentPeriodEnd } as const) : null;
}

function SubscriptionDetails({ subscription }: { subscription: Subscription | null }) {
  const t = useTranslations('billing');
  const format = useFormatter();
  if (!subscription) {
    return <p className="text-sm text-muted-foreground">{t('currentPlan.noSubscription')}</p>;
  }
  const period = periodLine(subscription);
  const { status } = subscription;
  return (
    <div className="space-y-2 text-sm">
      <p className="flex items-center gap-2">
        {t('currentPlan.status')}{' '}
        <Badge tone={STATUS_TONES[status] ?? 'neutral'}>
          {isStatus(status) ? t(`status.${status}`) : status.replaceAll('_', ' ')}
        </Badge>
      </p>
      <p>{t('currentPlan.seats', { count: subscription.quantity })}</p>
      {period && (
        <p>
          {t(`currentPlan.${period.key}`, {
            date: format.dateTime(period.date, { dateStyle: 'medium' }),
          })}
        </p>
      )}
      {status === 'past_due' && (
        <p className="flex gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t('currentPlan.pastDue')}
        </p>
      )}
    </div>
  );
}

/** The plan in force, and the subscription behind it (if any). */
export function CurrentPlan({
  planName,
  subscription,
}: {
  planName: string;
  subscription: Subscription | null;
}) {
  const t = useTranslations('billing.currentPlan');
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-sm font-medium text-muted-foreground">{t('title')}</CardTitle>
        <p className="text-2xl font-bold">{planName}</p>
      </CardHeader>
      <CardContent>
        <SubscriptionDetails subscription={subscription} />
      </CardContent>
    </Card>
  );
}
