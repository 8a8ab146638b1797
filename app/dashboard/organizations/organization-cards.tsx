'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { OrganizationRole } from '@/server/identity';

import { RoleBadge } from './role-badge';

type Organization = {
  id: string;
  name: string;
  slug: string;
  personal: boolean;
  role: OrganizationRole;
  /** Counted by the list itself (organizations.list), not by a request per card. */
  memberCount: number;
};

/** One organization as a card: its name, your role, its size, and a way in. */
export function OrganizationCard({ organization }: { organization: Organization }) {
  const t = useTranslations('organizations');
  const { name, slug, personal, role, memberCount } = organization;
  return (
    <li aria-label={personal ? t('card.personal') : t('card.team', { name })}>
      <Card className="flex h-full flex-col">
        <CardHeader>
          <div className="flex items-start justify-between gap-2">
            <CardTitle as="h3" className="break-words">
              {name}
            </CardTitle>
            <RoleBadge role={role} />
          </div>
          <p className="text-sm text-muted-foreground">{personal ? t('card.personal') : slug}</p>
        </CardHeader>
        <CardContent className="flex-1 text-sm">
          {personal ? t('card.onlyYou') : t('card.members', { count: memberCount })}
        </CardContent>
        {!personal && (
          <CardFooter>
            <Button asChild variant="outline" size="sm">
              <Link href={`/dashboard/organizations/${slug}`}>{t('card.open', { name })}</Link>
            </Button>
          </CardFooter>
        )}
      </Card>
    </li>
  );
}
