'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { Skeleton } from '@/app/_components/ui/skeleton';
import type { OrganizationRole } from '@/server/identity';

import { RoleBadge } from './role-badge';

type Organization = {
  id: string;
  name: string;
  slug: string;
  personal: boolean;
  role: OrganizationRole;
};

/** One organization as a card: its name, your role, its size, and a way in. */
export function OrganizationCard({ organization }: { organization: Organization }) {
  const t = useTranslations('organizations');
  const { name, slug, personal, role } = organization;
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
          {personal ? t('card.onlyYou') : <MemberCount organizationId={organization.id} />}
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

/** The team's members, counted from the list its page shows (which then opens at once). */
function MemberCount({ organizationId }: { organizationId: string }) {
  const t = useTranslations('organizations');
  const trpc = useTRPC();
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId }));
  if (members.isPending) return <Skeleton className="h-4 w-20" />;
  // The card still opens the team; the count is only a detail.
  if (!members.data)
    return <span className="text-muted-foreground">{t('card.membersUnknown')}</span>;
  return <span>{t('card.members', { count: members.data.items.length })}</span>;
}
