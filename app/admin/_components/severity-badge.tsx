import { useTranslations } from 'next-intl';

import { Badge, type Tone } from '@/app/_components/ui/badge';

type Severity = 'low' | 'medium' | 'high' | 'critical' | 'warning';

const TONE: Record<Severity, Tone> = {
  low: 'neutral',
  medium: 'warn',
  warning: 'warn',
  high: 'bad',
  critical: 'bad',
};

/** The severity of an error report or an alert. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useTranslations('admin.labels.severity');
  return <Badge tone={TONE[severity]}>{t(severity)}</Badge>;
}
