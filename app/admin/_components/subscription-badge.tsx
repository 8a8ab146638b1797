import { Badge, type Tone } from '@/app/_components/ui/badge';

import { SUBSCRIPTION_STATES } from './labels';

const TONE: Record<string, Tone> = {
  active: 'good',
  trialing: 'good',
  past_due: 'warn',
  unpaid: 'bad',
};

/** A Stripe subscription status, by name. */
export function SubscriptionBadge({ status }: { status: string }) {
  const known = SUBSCRIPTION_STATES.find((state) => state.value === status);
  return (
    <Badge tone={TONE[status] ?? 'neutral'}>{known?.label ?? status.replaceAll('_', ' ')}</Badge>
  );
}
