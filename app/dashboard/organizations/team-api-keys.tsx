'use client';

import { useQuery } from '@tanstack/react-query';

import { useTRPC } from '@/app/_components/trpc-provider';
import { ApiKeyList } from '@/app/dashboard/api-keys/api-key-list';
import { CreateApiKeyForm } from '@/app/dashboard/api-keys/create-api-key-form';
import { ORGANIZATION_ROLE_PERMISSIONS, type OrganizationRole } from '@/server/identity';

/**
 * A team's API keys: they act only in this organization, with the scopes chosen here,
 * never more than their creator's role allows (now or later). Owners and admins see
 * and revoke every member's; members their own.
 */
export function TeamApiKeys({
  organization,
}: {
  organization: { id: string; name: string; role: OrganizationRole };
}) {
  const trpc = useTRPC();
  const organizationId = organization.id;
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId }));
  const emailOf = (userId: string) =>
    members.data?.items.find((member) => member.userId === userId)?.email ?? 'a former member';
  const manages = organization.role === 'owner' || organization.role === 'admin';
  return (
    <section aria-labelledby="team-api-keys" className="space-y-6">
      <div className="space-y-2">
        <h2 id="team-api-keys" className="text-xl font-semibold">
          API keys of {organization.name}
        </h2>
        <p className="max-w-prose text-sm text-muted-foreground">
          A key made here acts only in {organization.name}, with the scopes you choose and never
          more than your role allows. It stops working if you leave the team.
        </p>
      </div>
      <CreateApiKeyForm
        scopes={ORGANIZATION_ROLE_PERMISSIONS[organization.role]}
        organizationId={organizationId}
      />
      <ApiKeyList
        organizationId={organizationId}
        title={manages ? 'Keys of every member' : 'Your keys here'}
        memberEmail={emailOf}
      />
    </section>
  );
}
