'use client';

import { useMutation } from '@tanstack/react-query';
import { MailIcon } from 'lucide-react';
import type { FormEvent } from 'react';

import { EmailField, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { NativeSelect } from '@/app/_components/ui/input';
import { Label } from '@/app/_components/ui/label';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';
import { toast } from '@/app/_components/ui/toaster';

import { RoleBadge } from './role-badge';
import { useTeamLists, type TeamOfCaller } from './use-team-lists';

const onError = (error: { message: string }) => toast.error(error.message);

/** The form that invites someone by email, and the invitations still open. */
export function TeamInvitations({ organization }: { organization: TeamOfCaller }) {
  const trpc = useTRPC();
  const { invitations, refresh, busy } = useTeamLists(organization);
  const organizationId = organization.id;
  const invite = useMutation(trpc.organizations.invite.mutationOptions({ onSuccess: refresh }));
  const resend = useMutation(
    trpc.organizations.resendInvitation.mutationOptions({ onError, onSuccess: refresh }),
  );
  const revoke = useMutation(
    trpc.organizations.revokeInvitation.mutationOptions({ onError, onSuccess: refresh }),
  );

  const onInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    invite.mutate(
      { organizationId, email, role: form.get('role') as 'admin' | 'member' | 'billing' },
      // Kept on a refusal, so the address can be corrected rather than typed again.
      {
        onSuccess: () => {
          formElement.reset();
          toast.success(`Invitation sent to ${email}.`);
        },
      },
    );
  };

  return (
    <>
      <Card className="max-w-md">
        <CardHeader>
          <CardTitle as="h3" id="invite">
            Invite someone
          </CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={onInvite} className="space-y-4" aria-labelledby="invite">
            <EmailField name="email" label="Their email" />
            <div className="space-y-1.5">
              <Label htmlFor="invite-role">Role</Label>
              <NativeSelect id="invite-role" name="role" defaultValue="member">
                <option value="member">member</option>
                <option value="admin">admin</option>
                <option value="billing">billing</option>
              </NativeSelect>
            </div>
            <SubmitButton pending={busy}>Send invitation</SubmitButton>
            {invite.isError && <FormMessage outcome={{ ok: false, text: invite.error.message }} />}
          </form>
        </CardContent>
      </Card>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">Open invitations</h3>
        {invitations.isPending && <LoadingLines label="Loading the invitations…" />}
        {invitations.isError && (
          <ErrorState
            title="Could not load the invitations."
            onRetry={() => invitations.refetch()}
          />
        )}
        {invitations.data?.items.length === 0 && (
          <EmptyState icon={MailIcon} title="No open invitations">
            Invite someone above: they get an email with a link to join.
          </EmptyState>
        )}
        {Boolean(invitations.data?.items.length) && (
          <Table
            caption={`Open invitations to ${organization.name}`}
            columns={['Email', 'Role', 'Expires', 'Actions']}
          >
            {invitations.data?.items.map((invitation) => (
              <TableRow
                key={invitation.id}
                aria-label={`Invitation to ${invitation.email}`}
                className="[&>td]:align-middle"
              >
                <TableCell className="font-medium">{invitation.email}</TableCell>
                <TableCell>
                  <RoleBadge role={invitation.role} />
                </TableCell>
                <TableCell>
                  <DateTime value={invitation.expiresAt} />
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-2">
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={busy}
                      aria-label={`Resend the invitation to ${invitation.email}`}
                      onClick={() =>
                        resend.mutate(
                          { organizationId, invitationId: invitation.id },
                          {
                            onSuccess: () =>
                              toast.success(`Invitation sent again to ${invitation.email}.`),
                          },
                        )
                      }
                    >
                      Resend
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <Button
                          variant="outline"
                          size="sm"
                          disabled={busy}
                          aria-label={`Revoke the invitation to ${invitation.email}`}
                        >
                          Revoke
                        </Button>
                      }
                      title={`Revoke the invitation to ${invitation.email}?`}
                      description="The link in their email stops working. You can invite them again later."
                      confirmLabel="Revoke"
                      pending={busy}
                      onConfirm={async () => {
                        await revoke.mutateAsync({ organizationId, invitationId: invitation.id });
                        toast.success(`Revoked the invitation to ${invitation.email}.`);
                      }}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}
