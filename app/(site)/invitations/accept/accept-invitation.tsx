'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { SignOutButton } from '@/app/_components/sign-out-button';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { toast } from '@/app/_components/ui/toaster';

function ToYourOrganizations({ variant }: { variant: 'default' | 'outline' }) {
  const t = useTranslations('invitations.accept');
  return (
    <Button asChild variant={variant}>
      <Link href="/dashboard/organizations">{t('toOrganizations')}</Link>
    </Button>
  );
}

export function AcceptInvitation({ token }: { token: string }) {
  const t = useTranslations('invitations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accept = useMutation(
    trpc.organizations.acceptInvitation.mutationOptions({
      onSuccess: (result) => {
        toast.success(
          result.joined
            ? t('accept.joinedToast', { organization: result.organizationName })
            : t('accept.alreadyMemberToast'),
        );
        return queryClient.invalidateQueries({ queryKey: trpc.organizations.list.queryKey() });
      },
    }),
  );
  if (accept.isSuccess) {
    return (
      <>
        <p role="status" className="text-emerald-700 dark:text-emerald-400">
          {accept.data.joined
            ? t('accept.joined', {
                organization: accept.data.organizationName,
                role: t(`roles.${accept.data.role}`),
              })
            : t('accept.alreadyMember', { organization: accept.data.organizationName })}
        </p>
        <ToYourOrganizations variant="default" />
      </>
    );
  }
  // A used, revoked, replaced or expired link stays so: nothing to try again.
  const status = accept.error?.data?.httpStatus;
  if (status === 404 || status === 409) {
    return (
      <>
        <p role="alert" className="text-red-600 dark:text-red-400">
          {accept.error?.message}
        </p>
        <ToYourOrganizations variant="outline" />
      </>
    );
  }
  const details = accept.error?.data?.details as { reason?: string } | undefined;
  return (
    <>
      <p>{t('accept.prompt')}</p>
      <Button disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
        {t('accept.submit')}
      </Button>
      {accept.isError && (
        <div role="alert" className="space-y-1 text-sm text-red-600 dark:text-red-400">
          <p>{accept.error.message}</p>
          {details?.reason === 'wrong-address' && (
            <p>
              <SignOutButton
                className="text-current underline"
                label={t('accept.signOutForAddress')}
                next={`/sign-in?next=${encodeURIComponent(`/invitations/accept?token=${token}`)}`}
              />
            </p>
          )}
        </div>
      )}
    </>
  );
}
