'use client';

import { useQuery } from '@tanstack/react-query';

import { useTRPC } from './trpc-provider';

const LABEL = { healthy: 'All systems normal', degraded: 'Degraded', unhealthy: 'Down' } as const;
const DOT = {
  healthy: 'bg-emerald-500',
  degraded: 'bg-amber-500',
  unhealthy: 'bg-red-500',
} as const;

/** Live service status in the footer, read through tRPC + React Query. */
export function StatusBadge() {
  const trpc = useTRPC();
  const health = useQuery(trpc.core.health.queryOptions());
  const status = health.data?.status;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm">
      <span
        aria-hidden
        className={`h-2 w-2 rounded-full ${status ? DOT[status] : 'bg-slate-400'}`}
      />
      {status ? LABEL[status] : health.isError ? 'Status unavailable' : 'Checking status…'}
    </span>
  );
}
