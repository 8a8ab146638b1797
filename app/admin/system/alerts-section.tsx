import type { HealthOutput } from '@/server/core/schemas';

import { Section } from '../_components/section';
import { SeverityBadge } from '../_components/severity-badge';

export function AlertsSection({ alerts }: { alerts: HealthOutput['alerts'] }) {
  return (
    <Section title="Alerts">
      {alerts.length === 0 ? (
        <p>No alerts firing.</p>
      ) : (
        <ul className="space-y-2">
          {alerts.map((alert) => (
            <li key={alert.id} className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={alert.severity} />
              {alert.message}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
