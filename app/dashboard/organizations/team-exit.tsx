'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { toast } from '@/app/_components/ui/toaster';

import { DeleteTeam } from './delete-team';
import type { TeamOfCaller } from './use-team-lists';

/** Leaving the team, and for its owners deleting it: both end at your organizations. */
export function TeamExit({ organization }: { organization: TeamOfCaller }) {
  const t = useTranslations('organizations.exit');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const team = organization.name;
  const gone = async (message: string) => {
    toast.success(message);
    // Away first: refreshed lists without the team would show this page "No such team".
    router.push('/dashboard/organizations');
    // Gone from the lists too: the switcher, your organizations, your keys.
    for (const queryKey of [trpc.organizations.list.pathKey(), trpc.apiKeys.list.pathKey()]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
  const leave = useMutation(
    trpc.organizations.leave.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: () => gone(t('left', { team })),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>
          {organization.role === 'owner' ? t('ownerText', { team }) : t('memberText', { team })}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={leave.isPending}>
              {t('leave', { team })}
            </Button>
          }
          title={t('leaveTitle', { team })}
          description={t('leaveText')}
          confirmLabel={t('leaveConfirm')}
          pending={leave.isPending}
          onConfirm={() => leave.mutateAsync({ organizationId: organization.id })}
        />
        {organization.role === 'owner' && (
          <DeleteTeam organization={organization} onDeleted={() => gone(t('deleted', { team }))} />
        )}
      </CardContent>
    </Card>
  );
}
