'use client';

import { useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import type { OrganizationRole } from '@/server/identity';

export type TeamOfCaller = { id: string; name: string; slug: string; role: OrganizationRole };

/**
 * A team's members, open invitations and activity (the last two for its owners and
 * admins), how to refresh everything a change to them touches, and whether its
 * buttons should wait. Each section calls it; React Query shares the requests.
 */
export function useTeamLists(organization: TeamOfCaller) {
  const t = useTranslations('organizations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organizationId = organization.id;
  const manages = organization.role === 'owner' || organization.role === 'admin';
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId }));
  const invitations = useQuery({
    ...trpc.organizations.invitations.queryOptions({ organizationId }),
    enabled: manages,
  });
  const activity = useQuery({
    ...trpc.organizations.auditEvents.queryOptions({ organizationId, limit: 20 }),
    enabled: manages,
  });
  const refresh = () =>
    Promise.all(
      [
        trpc.organizations.list,
        trpc.organizations.members,
        trpc.organizations.invitations,
        trpc.organizations.auditEvents,
        // A member who leaves or is removed loses their keys here.
        trpc.organizations.apiKeys,
        trpc.apiKeys.list,
        // Its seats follow its members.
        trpc.organizations.billing,
      ].map((procedure) => queryClient.invalidateQueries({ queryKey: procedure.pathKey() })),
    );
  // One change to the team at a time, across its sections (tRPC keys a mutation by its path).
  const changing = useIsMutating({ mutationKey: [['organizations']] }) > 0;
  // Nothing is sent before the lists have loaded: an invalidation during a first load
  // joins that load, whose answer would then hide the change just made.
  const loading = members.isPending || (manages && (invitations.isPending || activity.isPending));
  const emailOf = (userId: string | null) =>
    userId
      ? (members.data?.items.find((member) => member.userId === userId)?.email ??
        t('people.formerMember'))
      : t('people.system');
  return {
    members,
    invitations,
    activity,
    manages,
    refresh,
    busy: loading || changing,
    emailOf,
  };
}
