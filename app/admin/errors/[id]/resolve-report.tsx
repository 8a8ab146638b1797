'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { FormMessage } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

import { primaryButtonClass } from '../../_components/styles';

/** The button shows while the report is open; the outcome stays after it goes. */
export function ResolveReport({ id, resolved }: { id: string; resolved: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const resolve = useMutation(
    trpc.admin.resolveErrorReport.mutationOptions({
      onMutate: clear,
      onSuccess: async (report) => {
        queryClient.setQueryData(trpc.admin.errorReport.queryKey({ id }), report);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.errorReports.pathKey() });
        succeeded('Marked resolved.');
      },
      onError: failed,
    }),
  );

  return (
    <div className="space-y-2">
      {!resolved && (
        <button
          type="button"
          onClick={() => resolve.mutate({ id })}
          disabled={resolve.isPending}
          className={primaryButtonClass}
        >
          Mark resolved
        </button>
      )}
      <FormMessage outcome={outcome} />
    </div>
  );
}
