import { AlertTriangleIcon } from 'lucide-react';

import type { RouterOutputs } from '@/app/_components/api-types';
import { Badge, type Tone } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';

type Subscription = NonNullable<RouterOutputs['billing']['subscription']['subscription']>;

const day = (date: Date) => date.toLocaleDateString('en-US', { dateStyle: 'medium' });

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Past due',
  canceled: 'Canceled',
  unpaid: 'Unpaid',
  incomplete: 'Incomplete',
  incomplete_expired: 'Expired',
  paused: 'Paused',
};

const STATUS_TONES: Record<string, Tone> = {
  active: 'good',
  trialing: 'good',
  past_due: 'warn',
  unpaid: 'bad',
};

function periodLine(subscription: Subscription) {
  const { status, cancelAtPeriodEnd, cancelAt, canceledAt, currentPeriodEnd } = subscription;
  if (status === 'canceled') return canceledAt ? `Canceled on ${day(canceledAt)}` : null;
  const cancelsOn = cancelAt ?? (cancelAtPeriodEnd ? currentPeriodEnd : null);
  if (cancelsOn) return `Cancels on ${day(cancelsOn)}`;
  return currentPeriodEnd ? `Renews on ${day(currentPeriodEnd)}` : null;
}

function SubscriptionDetails({ subscription }: { subscription: Subscription | null }) {
  if (!subscription) {
    return <p className="text-sm text-muted-foreground">There is no subscription yet.</p>;
  }
  const period = periodLine(subscription);
  return (
    <div className="space-y-2 text-sm">
      <p className="flex items-center gap-2">
        Status:{' '}
        <Badge tone={STATUS_TONES[subscription.status] ?? 'neutral'}>
          {STATUS_LABELS[subscription.status] ?? subscription.status.replaceAll('_', ' ')}
        </Badge>
      </p>
      <p>
        Billed for {subscription.quantity} {subscription.quantity === 1 ? 'seat' : 'seats'}: one per
        member, prorated as members join and leave.
      </p>
      {period && <p>{period}</p>}
      {subscription.status === 'past_due' && (
        <p className="flex gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
          Your last payment failed. Update your card in the billing portal to keep your plan.
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
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-sm font-medium text-muted-foreground">Current plan</CardTitle>
        <p className="text-2xl font-bold">{planName}</p>
      </CardHeader>
      <CardContent>
        <SubscriptionDetails subscription={subscription} />
      </CardContent>
    </Card>
  );
}
