'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { NativeSelect } from '@/app/_components/ui/input';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';
import type { OrganizationRole } from '@/server/identity';

import { HandOver } from './hand-over';
import { RoleBadge } from './role-badge';
import { TeamActivity } from './team-activity';
import { TeamInvitations } from './team-invitations';
import { useTeamLists, type TeamOfCaller } from './use-team-lists';

const ROLES: OrganizationRole[] = ['owner', 'admin', 'member', 'billing'];
const onError = (error: { message: string }) => toast.error(error.message);

/** A team's members and, for its owners and admins, invitations and activity. */
export function TeamMembers({
  organization,
  userId,
}: {
  organization: TeamOfCaller;
  /** The signed-in user, whose own row has no Remove button (they leave instead). */
  userId: string;
}) {
  const t = useTranslations('organizations');
  const trpc = useTRPC();
  const { members, manages, refresh, busy } = useTeamLists(organization);
  const organizationId = organization.id;
  const team = organization.name;
  const changeRole = useMutation(
    trpc.organizations.changeRole.mutationOptions({
      onError,
      onSuccess: async (_, { userId: changed, role }) => {
        const email = members.data?.items.find((member) => member.userId === changed)?.email;
        toast.success(t(`members.roleChanged.${role}`, { who: email ?? t('members.theMember') }));
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.organizations.removeMember.mutationOptions({ onError }));
  const transfer = useMutation(
    trpc.organizations.transferOwnership.mutationOptions({
      onError,
      onSuccess: async () => {
        toast.success(t('members.handedOver', { team }));
        await refresh();
      },
    }),
  );
  // Only an owner changes an owner, or makes one.
  const roles = organization.role === 'owner' ? ROLES : ROLES.filter((role) => role !== 'owner');
  const mayManage = (role: OrganizationRole) =>
    manages && (role !== 'owner' || organization.role === 'owner');
  const columns = [
    t('members.columns.member'),
    t('members.columns.role'),
    t('members.columns.joined'),
  ];

  return (
    <section aria-labelledby="team-members" className="space-y-6">
      <h2 id="team-members" className="text-xl font-semibold">
        {t('members.title', { team })}
      </h2>
      {members.isPending && <LoadingLines label={t('members.loading')} />}
      {members.isError && (
        <ErrorState title={t('members.loadFailed')} onRetry={() => members.refetch()} />
      )}
      {members.data && (
        <Table
          caption={t('members.title', { team })}
          columns={manages ? [...columns, t('members.columns.actions')] : columns}
        >
          {members.data.items.map((member) => (
            <TableRow
              key={member.userId}
              aria-label={t('members.row', { email: member.email })}
              className="[&>td]:align-middle"
            >
              <TableCell>
                <span className="block font-medium">{member.displayName ?? member.email}</span>
                {member.displayName && (
                  <span className="block text-muted-foreground">{member.email}</span>
                )}
              </TableCell>
              <TableCell>
                {mayManage(member.role) ? (
                  <NativeSelect
                    aria-label={t('members.roleOf', { email: member.email })}
                    value={member.role}
                    disabled={busy}
                    className="h-8 w-32"
                    onChange={(event) =>
                      changeRole.mutate({
                        organizationId,
                        userId: member.userId,
                        role: event.target.value as OrganizationRole,
                      })
                    }
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </TableCell>
              <TableCell>
                <DateTime value={member.joinedAt} />
              </TableCell>
              {manages && (
                <TableCell>
                  <div className="flex flex-wrap gap-2">
                    {organization.role === 'owner' && member.role !== 'owner' && (
                      <HandOver
                        teamName={team}
                        email={member.email}
                        busy={busy}
                        onConfirm={() =>
                          transfer.mutateAsync({ organizationId, userId: member.userId })
                        }
                      />
                    )}
                    {/* Members leave at the foot of the page; this removes others. */}
                    {mayManage(member.role) && member.userId !== userId && (
                      <ConfirmDialog
                        trigger={
                          <Button
                            variant="outline"
                            size="sm"
                            disabled={busy}
                            aria-label={t('members.removeLabel', { email: member.email })}
                          >
                            {t('members.remove')}
                          </Button>
                        }
                        title={t('members.removeTitle', { email: member.email, team })}
                        description={t('members.removeText')}
                        confirmLabel={t('members.remove')}
                        pending={busy}
                        onConfirm={async () => {
                          await remove.mutateAsync({ organizationId, userId: member.userId });
                          toast.success(t('members.removed', { email: member.email, team }));
                          await refresh();
                        }}
                      />
                    )}
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </Table>
      )}
      {manages && <TeamInvitations organization={organization} />}
      {manages && <TeamActivity organization={organization} />}
    </section>
  );
}
