'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { useTRPC } from '@/app/_components/trpc-provider';

import { TeamApiKeys } from '../team-api-keys';
import { TeamMembers } from '../team-members';

/** A team's page: its members, invitations, activity and API keys, as the caller's role allows. */
export function Team({ slug, userId }: { slug: string; userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // The list, rather than a fetch by slug: it follows role changes and renames made here.
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  // Slugs are lower case; an address typed otherwise still finds its team.
  const team = organizations.data?.items.find(
    (organization) => organization.slug === slug.toLowerCase() && !organization.personal,
  );

  if (organizations.isPending) return <p>Loading…</p>;
  // A failed refresh keeps the team shown; only a first load that failed says so.
  if (!organizations.data) return <p role="alert">Could not load your organizations.</p>;
  if (!team) {
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
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{team.name}</h1>
        <p className="text-slate-600 dark:text-slate-300">
          {team.slug} · your role: {team.role}
        </p>
      </div>
      <TeamMembers
        organization={team}
        userId={userId}
        onLeft={async () => {
          // Gone from the lists too: the switcher, your organizations, your keys.
          await Promise.all(
            [trpc.organizations.list.pathKey(), trpc.apiKeys.list.pathKey()].map((queryKey) =>
              queryClient.invalidateQueries({ queryKey }),
            ),
          );
          router.push('/dashboard/organizations');
        }}
      />
      {team.role !== 'billing' && <TeamApiKeys organization={team} />}
    </div>
  );
}
