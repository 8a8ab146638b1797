import { count, PLAN_OPTIONS } from '../_components/labels';
import { Section } from '../_components/section';
import type { SystemOverview } from '../_components/types';

const planName = (plan: string) =>
  PLAN_OPTIONS.find((option) => option.value === plan)?.label ?? plan;

export function BusinessSection({ business }: { business: SystemOverview['business'] }) {
  const byPlan = business.activeSubscriptionsByPlan;
  return (
    <Section title="Business">
      <dl className="grid max-w-lg grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Users</dt>
        <dd>{count(business.users)}</dd>
        <dt className="font-medium">Active API keys</dt>
        <dd>{count(business.activeApiKeys)}</dd>
        <dt className="font-medium">Billing events (last 24 hours / total)</dt>
        <dd>
          {count(business.billingEventsToday)} / {count(business.billingEvents)}
        </dd>
        <dt className="font-medium">Active subscriptions by plan</dt>
        <dd>
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
    </Section>
  );
}
