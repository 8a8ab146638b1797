'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';

import { RoleBadge } from '../role-badge';
import { TeamApiKeys } from '../team-api-keys';
import { TeamExit } from '../team-exit';
import { TeamMembers } from '../team-members';
import { teamFallback, useTeam } from '../use-team';

/** A team's page: its members, invitations, activity and API keys, as the caller's role allows. */
export function Team({ slug, userId }: { slug: string; userId: string }) {
  const t = useTranslations('organizations');
  // The list, rather than a fetch by slug: it follows role changes and renames made here.
  const found = useTeam(slug);
  const { team } = found;
  if (!team) return teamFallback(found);
  return (
    <div className="space-y-10">
      <PageHeader
        title={team.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{team.slug}</span>
            <span aria-hidden>·</span>
            <span>{t.rich('team.yourRole', { badge: () => <RoleBadge role={team.role} /> })}</span>
          </span>
        }
        actions={
          team.role !== 'member' && (
            <Button asChild variant="outline">
              <Link href={`/dashboard/organizations/${team.slug}/billing`}>
                {t('team.billing')}
              </Link>
            </Button>
          )
        }
      />
      <TeamMembers organization={team} userId={userId} />
      {team.role !== 'billing' && <TeamApiKeys organization={team} />}
      <TeamExit organization={team} />
    </div>
  );
}
