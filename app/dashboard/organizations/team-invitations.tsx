'use client';

import { useMutation } from '@tanstack/react-query';
import { MailIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('organizations');
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
          toast.success(t('invitations.sent', { email }));
        },
      },
    );
  };

  return (
    <>
      <Card className="max-w-md">
        <CardHeader>
          <CardTitle as="h3" id="invite">
            {t('invitations.inviteTitle')}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={onInvite} className="space-y-4" aria-labelledby="invite">
            <EmailField name="email" label={t('invitations.email')} />
            <div className="space-y-1.5">
              <Label htmlFor="invite-role">{t('invitations.role')}</Label>
              <NativeSelect id="invite-role" name="role" defaultValue="member">
                <option value="member">{t('roles.member')}</option>
                <option value="admin">{t('roles.admin')}</option>
                <option value="billing">{t('roles.billing')}</option>
              </NativeSelect>
            </div>
            <SubmitButton pending={busy}>{t('invitations.send')}</SubmitButton>
            {invite.isError && <FormMessage outcome={{ ok: false, text: invite.error.message }} />}
          </form>
        </CardContent>
      </Card>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t('invitations.openTitle')}</h3>
        {invitations.isPending && <LoadingLines label={t('invitations.loading')} />}
        {invitations.isError && (
          <ErrorState title={t('invitations.loadFailed')} onRetry={() => invitations.refetch()} />
        )}
        {invitations.data?.items.length === 0 && (
          <EmptyState icon={MailIcon} title={t('invitations.none')}>
            {t('invitations.noneText')}
          </EmptyState>
        )}
        {Boolean(invitations.data?.items.length) && (
          <Table
            caption={t('invitations.caption', { team: organization.name })}
            columns={[
              t('invitations.columns.email'),
              t('invitations.columns.role'),
              t('invitations.columns.expires'),
              t('invitations.columns.actions'),
            ]}
          >
            {invitations.data?.items.map((invitation) => (
              <TableRow
                key={invitation.id}
                aria-label={t('invitations.row', { email: invitation.email })}
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
                      aria-label={t('invitations.resendLabel', { email: invitation.email })}
                      onClick={() =>
                        resend.mutate(
                          { organizationId, invitationId: invitation.id },
                          {
                            onSuccess: () =>
                              toast.success(t('invitations.resent', { email: invitation.email })),
                          },
                        )
                      }
                    >
                      {t('invitations.resend')}
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <Button
                          variant="outline"
                          size="sm"
                          disabled={busy}
                          aria-label={t('invitations.revokeLabel', { email: invitation.email })}
                        >
                          {t('invitations.revoke')}
                        </Button>
                      }
                      title={t('invitations.revokeTitle', { email: invitation.email })}
                      description={t('invitations.revokeText')}
                      confirmLabel={t('invitations.revoke')}
                      pending={busy}
                      onConfirm={async () => {
                        await revoke.mutateAsync({ organizationId, invitationId: invitation.id });
                        toast.success(t('invitations.revoked', { email: invitation.email }));
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
