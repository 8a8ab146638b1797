'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { FormMessage } from '@/app/_components/form';
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
import { useFormOutcome } from '@/app/_components/use-form-outcome';

/** "View as this user": the product as they see it, for 30 minutes, in this browser. */
export function ImpersonateSection({ userId, email }: { userId: string; email: string | null }) {
  const t = useTranslations('admin.user.impersonate');
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { outcome, clear, failed } = useFormOutcome();
  const start = useMutation(
    trpc.admin.impersonate.mutationOptions({
      onMutate: clear,
      // Nothing cached is ours any more: the dashboard is theirs now.
      onSuccess: () => {
        queryClient.clear();
        router.push('/dashboard');
        router.refresh();
      },
      onError: failed,
    }),
  );
  const who = email ?? t('thisUser');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <ConfirmDialog
          trigger={<Button variant="outline">{t('start')}</Button>}
          title={t('confirmTitle', { who })}
          description={t('confirmDescription')}
          confirmLabel={t('confirm')}
          onConfirm={() => start.mutateAsync({ userId }).then(() => undefined)}
          pending={start.isPending}
        />
        <FormMessage outcome={outcome} />
      </CardContent>
    </Card>
  );
}
