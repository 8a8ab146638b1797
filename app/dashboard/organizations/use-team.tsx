'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { useTRPC } from '@/app/_components/trpc-provider';

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
  };
}

export function NoSuchTeam() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">No such team</h1>
      <p>
        No team has this address, or you are not one of its members.{' '}
        <Link href="/dashboard/organizations" className="underline">
          Your organizations
        </Link>
      </p>
    </div>
  );
}

/** What a team's page shows instead of the team while it loads, fails or is not found. */
export function teamFallback({ team, pending, failed }: ReturnType<typeof useTeam>) {
  if (pending) return <p>Loading…</p>;
  if (failed) return <p role="alert">Could not load your organizations.</p>;
  if (!team) return <NoSuchTeam />;
  return null;
}
