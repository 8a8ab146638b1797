'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { EmailField, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';

import { HandOver } from './hand-over';

type Role = 'owner' | 'admin' | 'member' | 'billing';
type Team = { id: string; name: string; role: Role };

const ROLES: Role[] = ['owner', 'admin', 'member', 'billing'];
const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900';

/** A team's members and open invitations; what shows depends on the caller's role. */
export function TeamMembers({
  organization,
  userId,
  onLeft,
}: {
  organization: Team;
  /** The signed-in user, whose own row has no Remove button (they leave instead). */
  userId: string;
  onLeft: () => void;
}) {
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
  const emailOf = (userId: string | null) =>
    userId
      ? (members.data?.items.find((member) => member.userId === userId)?.email ?? 'a former member')
      : 'the system';
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
  // The last action's failure only: a later action clears it.
  const [failure, setFailure] = useState<string | null>(null);
  const outcome = {
    onMutate: () => setFailure(null),
    onError: (error: { message: string }) => setFailure(error.message),
    onSuccess: refresh,
  };
  const changeRole = useMutation(trpc.organizations.changeRole.mutationOptions(outcome));
  const remove = useMutation(trpc.organizations.removeMember.mutationOptions(outcome));
  const transfer = useMutation(trpc.organizations.transferOwnership.mutationOptions(outcome));
  const leave = useMutation(
    trpc.organizations.leave.mutationOptions({ ...outcome, onSuccess: onLeft }),
  );
  const invite = useMutation(trpc.organizations.invite.mutationOptions(outcome));
  const resend = useMutation(trpc.organizations.resendInvitation.mutationOptions(outcome));
  const revoke = useMutation(trpc.organizations.revokeInvitation.mutationOptions(outcome));
  // Nothing is sent before the lists have loaded: an invalidation during a first load
  // joins that load, whose answer would then hide the change just made.
  const loading = members.isPending || (manages && (invitations.isPending || activity.isPending));
  const busy =
    loading ||
    [changeRole, remove, transfer, leave, invite, resend, revoke].some((m) => m.isPending);
  // Only an owner changes an owner, or makes one.
  const roles = organization.role === 'owner' ? ROLES : ROLES.filter((role) => role !== 'owner');
  const mayManage = (role: Role) => manages && (role !== 'owner' || organization.role === 'owner');

  const onInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    invite.mutate(
      {
        organizationId,
        email: String(form.get('email')),
        role: form.get('role') as 'admin' | 'member' | 'billing',
      },
      // Kept on a refusal, so the address can be corrected rather than typed again.
      { onSuccess: () => formElement.reset() },
    );
  };

  return (
    <section aria-labelledby="team-members" className="space-y-6">
      <h2 id="team-members" className="text-xl font-semibold">
        Members of {organization.name}
      </h2>
      {failure && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {failure}
        </p>
      )}
      {transfer.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          You handed {organization.name} over; you are an admin now.
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {members.data?.items.map((member) => (
          <li
            key={member.userId}
            aria-label={`Member ${member.email}`}
            className="flex flex-wrap items-center justify-between gap-3 p-4"
          >
            <span>
              <span className="font-medium">{member.displayName ?? member.email}</span>{' '}
              {member.displayName && <span className="text-sm text-slate-500">{member.email}</span>}
            </span>
            <span className="flex items-center gap-2">
              {mayManage(member.role) ? (
                <select
                  aria-label={`Role of ${member.email}`}
                  value={member.role}
                  onChange={(event) =>
                    changeRole.mutate({
                      organizationId,
                      userId: member.userId,
                      role: event.target.value as Role,
                    })
                  }
                  disabled={busy}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="text-sm">{member.role}</span>
              )}
              {organization.role === 'owner' && member.role !== 'owner' && (
                <HandOver
                  teamName={organization.name}
                  email={member.email}
                  busy={busy}
                  onConfirm={() => transfer.mutate({ organizationId, userId: member.userId })}
                />
              )}
              {/* Members leave with the button below; this removes others. */}
              {mayManage(member.role) && member.userId !== userId && (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Remove ${member.email}`}
                  className={buttonClass}
                  onClick={() => remove.mutate({ organizationId, userId: member.userId })}
                >
                  Remove
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={busy}
        className={buttonClass}
        onClick={() => leave.mutate({ organizationId })}
      >
        Leave {organization.name}
      </button>

      {manages && (
        <div className="space-y-4">
          <form onSubmit={onInvite} className="max-w-md space-y-4" aria-labelledby="invite">
            <h3 id="invite" className="text-lg font-semibold">
              Invite someone
            </h3>
            <EmailField name="email" label="Their email" />
            <label className="block">
              <span className="text-sm font-medium">Role</span>
              <select
                name="role"
                defaultValue="member"
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="member">member</option>
                <option value="admin">admin</option>
                <option value="billing">billing</option>
              </select>
            </label>
            <SubmitButton pending={busy}>Send invitation</SubmitButton>
          </form>
          <h3 className="text-lg font-semibold">Open invitations</h3>
          {invitations.data?.items.length === 0 && <p>None.</p>}
          <ul className="space-y-2">
            {invitations.data?.items.map((invitation) => (
              <li
                key={invitation.id}
                aria-label={`Invitation to ${invitation.email}`}
                className="flex flex-wrap items-center gap-3"
              >
                <span>
                  {invitation.email} · {invitation.role} · until{' '}
                  {invitation.expiresAt.toLocaleDateString()}
                </span>
                <button
                  type="button"
                  disabled={busy}
                  className={buttonClass}
                  onClick={() => resend.mutate({ organizationId, invitationId: invitation.id })}
                >
                  Resend
                </button>
                <button
                  type="button"
                  disabled={busy}
                  className={buttonClass}
                  onClick={() => revoke.mutate({ organizationId, invitationId: invitation.id })}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
          <h3 className="text-lg font-semibold">Recent activity</h3>
          <ul aria-label="Recent activity" className="space-y-1 text-sm">
            {activity.data?.items.map((event) => (
              <li key={event.id}>
                {event.createdAt.toLocaleString()} · <code>{event.action}</code> by{' '}
                {emailOf(event.actorId)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
