import { Badge, type Tone } from '@/app/_components/ui/badge';

import { useLabels } from './labels';

const TONE: Record<string, Tone> = {
  active: 'good',
  trialing: 'good',
  past_due: 'warn',
  unpaid: 'bad',
};

/** A Stripe subscription status, by name. */
export function SubscriptionBadge({ status }: { status: string }) {
  const labels = useLabels();
  return <Badge tone={TONE[status] ?? 'neutral'}>{labels.subscription(status)}</Badge>;
}
