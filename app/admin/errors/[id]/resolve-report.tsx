'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { toast } from '@/app/_components/ui/toaster';

/** Shown while the report is open; the detail query then shows it resolved. */
export function ResolveReport({ id }: { id: string }) {
  const t = useTranslations('admin.errorReport.resolve');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resolve = useMutation(
    trpc.admin.resolveErrorReport.mutationOptions({
      onSuccess: async (report) => {
        queryClient.setQueryData(trpc.admin.errorReport.queryKey({ id }), report);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.errorReports.pathKey() });
        toast.success(t('done'));
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" disabled={resolve.isPending}>
          <CheckIcon aria-hidden />
          {t('action')}
        </Button>
      }
      title={t('confirm.title')}
      description={t('confirm.description')}
      confirmLabel={t('action')}
      pending={resolve.isPending}
      onConfirm={() => resolve.mutateAsync({ id })}
    />
  );
}
