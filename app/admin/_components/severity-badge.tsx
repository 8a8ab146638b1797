import { Badge, type Tone } from '@/app/_components/ui/badge';

type Severity = 'low' | 'medium' | 'high' | 'critical' | 'warning';

const SEVERITY: Record<Severity, { label: string; tone: Tone }> = {
  low: { label: 'Low', tone: 'neutral' },
  medium: { label: 'Medium', tone: 'warn' },
  warning: { label: 'Warning', tone: 'warn' },
  high: { label: 'High', tone: 'bad' },
  critical: { label: 'Critical', tone: 'bad' },
};

/** The severity of an error report or an alert. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { label, tone } = SEVERITY[severity];
  return <Badge tone={tone}>{label}</Badge>;
}
