'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { useTRPC } from '@/app/_components/trpc-provider';

import { TeamApiKeys } from '../team-api-keys';
import { TeamMembers } from '../team-members';
import { teamFallback, useTeam } from '../use-team';

/** A team's page: its members, invitations, activity and API keys, as the caller's role allows. */
export function Team({ slug, userId }: { slug: string; userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // The list, rather than a fetch by slug: it follows role changes and renames made here.
  const found = useTeam(slug);
  const { team } = found;
  if (!team) return teamFallback(found);
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{team.name}</h1>
        <p className="text-slate-600 dark:text-slate-300">
          {team.slug} · your role: {team.role}
        </p>
        {team.role !== 'member' && (
          <p>
            <Link
              href={`/dashboard/organizations/${team.slug}/billing`}
              className="text-indigo-600 underline dark:text-indigo-400"
            >
              Billing: plan and seats
            </Link>
          </p>
        )}
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
