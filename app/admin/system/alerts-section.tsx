import { BellOffIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import type { HealthOutput } from '@/server/core/schemas';

import { SeverityBadge } from '../_components/severity-badge';

export function AlertsSection({ alerts }: { alerts: HealthOutput['alerts'] }) {
  const t = useTranslations('admin.system.alerts');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {alerts.length === 0 ? (
          <EmptyState icon={BellOffIcon} title={t('empty')} />
        ) : (
          <ul className="space-y-2 text-sm">
            {alerts.map((alert) => (
              <li key={alert.id} className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={alert.severity} />
                {alert.message}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
