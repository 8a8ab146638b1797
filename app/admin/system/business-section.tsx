import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';

import { count, PLAN_OPTIONS } from '../_components/labels';
import type { SystemOverview } from '../_components/types';

const planName = (plan: string) =>
  PLAN_OPTIONS.find((option) => option.value === plan)?.label ?? plan;

export function BusinessSection({ business }: { business: SystemOverview['business'] }) {
  const byPlan = business.activeSubscriptionsByPlan;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Business</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Users</dt>
          <dd className="text-right tabular-nums">{count(business.users)}</dd>
          <dt className="text-muted-foreground">Active API keys</dt>
          <dd className="text-right tabular-nums">{count(business.activeApiKeys)}</dd>
          <dt className="text-muted-foreground">Billing events (last 24 hours / total)</dt>
          <dd className="text-right tabular-nums">
            {count(business.billingEventsToday)} / {count(business.billingEvents)}
          </dd>
          <dt className="text-muted-foreground">Active subscriptions by plan</dt>
          <dd className="text-right tabular-nums">
            {byPlan.length === 0 ? (
              'None'
            ) : (
              <ul>
                {byPlan.map((row) => (
                  <li key={row.plan}>
                    {planName(row.plan)}: {count(row.subscriptions)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
