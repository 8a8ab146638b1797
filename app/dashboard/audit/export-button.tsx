'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';

import { downloadFile } from '@/app/_components/download-file';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { toast } from '@/app/_components/ui/toaster';
import type { AuditFilter } from '@/server/audit/list-events';

const count = (rows: number) =>
  `${rows.toLocaleString('en-US')} ${rows === 1 ? 'event' : 'events'}`;

/** Downloads the events matching `filter` (the applied one) as a CSV file. */
export function ExportButton({ filter, disabled }: { filter: AuditFilter; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exported = useMutation({
    // staleTime 0: an export is what the log holds now, not a cached copy.
    mutationFn: () =>
      queryClient.fetchQuery(trpc.audit.export.queryOptions(filter, { staleTime: 0 })),
    onSuccess: (file) => {
      downloadFile(file.filename, file.csv);
      if (file.truncated) {
        toast.warning(`Exported the newest ${count(file.rows)}: narrow the dates for the rest.`);
      } else toast.success(`Exported ${count(file.rows)}.`);
    },
    onError: (error) => toast.error(`Could not export your audit log: ${error.message}`),
  });

  return (
    <Button
      variant="outline"
      // Not disabled while pending, so keyboard focus stays on the button.
      onClick={() => exported.isPending || exported.mutate()}
      disabled={disabled}
    >
      <DownloadIcon aria-hidden />
      {exported.isPending ? 'Exporting…' : 'Export CSV'}
    </Button>
  );
}
