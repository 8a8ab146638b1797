import { getDb } from '@/db/client';

import { checkServiceHealth } from './health';
import type { HealthOutput } from './schemas';

export type ServiceStatus = HealthOutput['status'];

/** How long a status shown in page footers may be old before a new probe starts. */
export const STATUS_REFRESH_MS = 30_000;

/**
 * A status read that costs nothing per page view: the last probe's result, handed
 * out at once; when it is older than `refreshMs` one new probe starts in the
 * background (never two at a time). Only the very first read waits for a probe.
 * A failed probe reads as null ("status unavailable") until the next one.
 */
export function statusSnapshot(
  probe: () => Promise<ServiceStatus>,
  { refreshMs = STATUS_REFRESH_MS, now = Date.now } = {},
) {
  let last: { status: ServiceStatus | null; at: number } | undefined;
  let inFlight: Promise<ServiceStatus | null> | undefined;

  const refresh = () => {
    // Stamped when the probe starts, so a slow probe does not stretch the interval.
    const startedAt = now();
    inFlight ??= probe()
      .catch(() => null)
      .then((status) => {
        last = { status, at: startedAt };
        inFlight = undefined;
        return status;
      });
    return inFlight;
  };

  return async (): Promise<ServiceStatus | null> => {
    if (!last) return refresh();
    if (now() - last.at >= refreshMs) void refresh();
    return last.status;
  };
}

const holder = globalThis as typeof globalThis & {
  __leanSaasStatus?: () => Promise<ServiceStatus | null>;
};

/**
 * This process's service status for page footers, probed at most every 30 s with
 * the same checks as /api/v1/health (which stays a live check for monitors). On
 * globalThis so that every bundle of the app shares the one snapshot.
 */
export function serviceStatus(): Promise<ServiceStatus | null> {
  holder.__leanSaasStatus ??= statusSnapshot(async () => {
    const health = await checkServiceHealth(await getDb());
    return health.status;
  });
  return holder.__leanSaasStatus();
}
