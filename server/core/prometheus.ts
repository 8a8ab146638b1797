import { createHash, timingSafeEqual } from 'node:crypto';

import { metrics } from '@/server/platform/metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time check of `Authorization: Bearer <token>` against the configured token. */
export function isMetricsTokenValid(authorization: string | null, token: string): boolean {
  const presented = authorization?.match(/^Bearer (.+)$/)?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

export async function renderPrometheusText(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
