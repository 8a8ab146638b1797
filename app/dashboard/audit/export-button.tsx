'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { downloadFile } from '@/app/_components/download-file';
import { useTRPC } from '@/app/_components/trpc-provider';
import type { AuditFilter } from '@/server/audit/list-events';

import { secondaryButtonClass } from './audit-filters';

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
    onSuccess: (file) => downloadFile(file.filename, file.csv),
  });

  return (
    <div className="space-y-2">
      <button
        type="button"
        // Not disabled while pending, so keyboard focus stays on the button.
        onClick={() => exported.isPending || exported.mutate()}
        disabled={disabled}
        className={secondaryButtonClass}
      >
        {exported.isPending ? 'Exporting…' : 'Export CSV'}
      </button>
      {exported.isSuccess && (
        <div role="status" className="space-y-1 text-sm">
          <p className="text-emerald-700 dark:text-emerald-400">
            Exported {count(exported.data.rows)}.
          </p>
          {exported.data.truncated && (
            <p className="text-amber-900 dark:text-amber-300">
              Only the newest 10,000 events were exported; narrow the dates for the rest.
            </p>
          )}
        </div>
      )}
      {exported.isError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not export your audit log: {exported.error.message}
        </p>
      )}
    </div>
  );
}
