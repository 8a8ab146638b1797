import { useTranslations } from 'next-intl';

import { Badge, type Tone } from '@/app/_components/ui/badge';
import type { OrganizationRole } from '@/server/identity';

// The word says the role; the colour only helps the eye find the owners.
const TONES: Record<OrganizationRole, Tone> = {
  owner: 'brand',
  admin: 'good',
  billing: 'warn',
  member: 'neutral',
};

export function RoleBadge({ role }: { role: OrganizationRole }) {
  const t = useTranslations('organizations');
  return <Badge tone={TONES[role]}>{t(`roles.${role}`)}</Badge>;
}
