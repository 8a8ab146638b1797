import { useFormatter, useTranslations } from 'next-intl';

import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';

import { useLabels } from '../_components/labels';
import type { SystemOverview } from '../_components/types';

export function BusinessSection({ business }: { business: SystemOverview['business'] }) {
  const t = useTranslations('admin.system.business');
  const common = useTranslations('admin.labels');
  const labels = useLabels();
  const format = useFormatter();
  const byPlan = business.activeSubscriptionsByPlan;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t('users')}</dt>
          <dd className="text-right tabular-nums">{format.number(business.users)}</dd>
          <dt className="text-muted-foreground">{t('activeApiKeys')}</dt>
          <dd className="text-right tabular-nums">{format.number(business.activeApiKeys)}</dd>
          <dt className="text-muted-foreground">{t('billingEvents')}</dt>
          <dd className="text-right tabular-nums">
            {t('billingEventsValue', {
              today: business.billingEventsToday,
              total: business.billingEvents,
            })}
          </dd>
          <dt className="text-muted-foreground">{t('subscriptionsByPlan')}</dt>
          <dd className="text-right tabular-nums">
            {byPlan.length === 0 ? (
              common('none')
            ) : (
              <ul>
                {byPlan.map((row) => (
                  <li key={row.plan}>
                    {t('planCount', { plan: labels.planOf(row.plan), count: row.subscriptions })}
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
