'use client';

import { useQuery } from '@tanstack/react-query';
import { UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

/**
 * The caller's team at `slug`, from their organizations list (which follows role
 * changes and renames made in this tab); `missing` once the list has loaded without it.
 */
export function useTeam(slug: string) {
  const trpc = useTRPC();
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  // Slugs are lower case; an address typed otherwise still finds its team.
  const team = organizations.data?.items.find(
    (organization) => organization.slug === slug.toLowerCase() && !organization.personal,
  );
  return {
    team,
    pending: organizations.isPending,
    // A failed refresh keeps the team shown; only a first load that failed says so.
    failed: !organizations.isPending && !organizations.data,
    missing: Boolean(organizations.data) && !team,
    retry: () => organizations.refetch(),
  };
}

/**
 * An empty state whose title is the page's h1: the page has nothing else to head it,
 * and "No such team" is what a screen reader should land on.
 */
export function NoSuchTeam() {
  const t = useTranslations('organizations');
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-6 py-10 text-center">
      <UsersIcon aria-hidden className="size-8 text-muted-foreground" />
      <h1 className="text-xl font-semibold">{t('fallback.noSuchTeam')}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{t('fallback.noSuchTeamText')}</p>
      <Button asChild variant="outline" className="mt-2">
        <Link href="/dashboard/organizations">{t('fallback.yours')}</Link>
      </Button>
    </div>
  );
}

/** What a team's page shows instead of the team while it loads, fails or is not found. */
export function teamFallback(found: ReturnType<typeof useTeam>) {
  return <TeamFallback {...found} />;
}

function TeamFallback({ team, pending, failed, retry }: ReturnType<typeof useTeam>) {
  const t = useTranslations('organizations');
  if (pending) return <LoadingLines label={t('fallback.loading')} />;
  if (failed) return <ErrorState title={t('fallback.loadFailed')} onRetry={retry} />;
  if (!team) return <NoSuchTeam />;
  return null;
}
