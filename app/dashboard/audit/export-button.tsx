'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { downloadFile } from '@/app/_components/download-file';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { toast } from '@/app/_components/ui/toaster';
import type { AuditFilter } from '@/server/audit/list-events';

/** Downloads the events matching `filter` (the applied one) as a CSV file. */
export function ExportButton({ filter, disabled }: { filter: AuditFilter; disabled: boolean }) {
  const t = useTranslations('audit.export');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exported = useMutation({
    // staleTime 0: an export is what the log holds now, not a cached copy.
    mutationFn: () =>
      queryClient.fetchQuery(trpc.audit.export.queryOptions(filter, { staleTime: 0 })),
    onSuccess: (file) => {
      downloadFile(file.filename, file.csv);
      if (file.truncated) {
        toast.warning(t('truncated', { count: file.rows }));
      } else toast.success(t('done', { count: file.rows }));
    },
    // The server's message stays as it says it (English).
    onError: (error) => toast.error(t('failed', { message: error.message })),
  });

  return (
    <Button
      variant="outline"
      // Not disabled while pending, so keyboard focus stays on the button.
      onClick={() => exported.isPending || exported.mutate()}
      disabled={disabled}
    >
      <DownloadIcon aria-hidden />
      {exported.isPending ? t('exporting') : t('button')}
    </Button>
  );
}
