'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

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
  const t = useTranslations('organizations');
  const trpc = useTRPC();
  const organizationId = organization.id;
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId }));
  const emailOf = (userId: string) =>
    members.data?.items.find((member) => member.userId === userId)?.email ??
    t('people.formerMember');
  const manages = organization.role === 'owner' || organization.role === 'admin';
  return (
    <section aria-labelledby="team-api-keys" className="space-y-6">
      <div className="space-y-2">
        <h2 id="team-api-keys" className="text-xl font-semibold">
          {t('apiKeys.title', { team: organization.name })}
        </h2>
        <p className="max-w-prose text-sm text-muted-foreground">
          {t('apiKeys.text', { team: organization.name })}
        </p>
      </div>
      <CreateApiKeyForm
        scopes={ORGANIZATION_ROLE_PERMISSIONS[organization.role]}
        organizationId={organizationId}
      />
      <ApiKeyList
        organizationId={organizationId}
        title={manages ? t('apiKeys.everyMember') : t('apiKeys.yours')}
        memberEmail={emailOf}
      />
    </section>
  );
}
