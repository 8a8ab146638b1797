import { useTranslations } from 'next-intl';
import { Suspense } from 'react';

import { serviceStatus, type ServiceStatus } from '@/server/core/status-snapshot';

const DOT = {
  healthy: 'bg-emerald-500',
  degraded: 'bg-amber-500',
  unhealthy: 'bg-red-500',
} as const;

/** `undefined`: still being read; `null`: the last probe failed. */
function StatusLine({ status }: { status: ServiceStatus | null | undefined }) {
  const t = useTranslations('shell.status');
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm">
      <span
        aria-hidden
        className={`h-2 w-2 rounded-full ${status ? DOT[status] : 'bg-slate-400'}`}
      />
      {status ? t(status) : status === null ? t('unavailable') : t('checking')}
    </span>
  );
}

async function CurrentStatus() {
  return <StatusLine status={await serviceStatus()} />;
}

/**
 * Service status in the footer, rendered with the page on the server from a
 * snapshot probed at most every 30 s per process (server/core/status-snapshot.ts).
 * A page view costs no API call and no rate-limit budget, so busy pages, or many
 * users behind one address, never turn the footer into "Status unavailable".
 * Streamed, so only a process's first view waits for the first probe.
 */
export function StatusBadge() {
  return (
    <Suspense fallback={<StatusLine status={undefined} />}>
      <CurrentStatus />
    </Suspense>
  );
}
