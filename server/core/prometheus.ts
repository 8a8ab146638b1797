import { createHash, timingSafeEqual } from 'node:crypto';

import { errorResponse } from '@/server/platform/envelope';
import { publicError } from '@/server/platform/errors';
import { metrics } from '@/server/platform/metrics';
import { runApiRequest } from '@/server/platform/request-scope';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time check of `Authorization: Bearer <token>` against the configured token. */
function isTokenValid(authorization: string | null, token: string): boolean {
  const presented = authorization?.match(/^Bearer (.+)$/)?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * The Prometheus scrape endpoint. Without a configured token it does not exist at
 * all (404), so an unconfigured deployment exposes nothing.
 */
export function handleMetricsRequest(request: Request, token: string | undefined) {
  return runApiRequest(request, 'GET /api/metrics', async (_request, scope) => {
    if (!token) return errorResponse(publicError('NOT_FOUND', 'Not found.'), scope.requestId);
    if (!isTokenValid(request.headers.get('authorization'), token)) {
      const response = errorResponse(
        publicError('UNAUTHORIZED', 'Send Authorization: Bearer <METRICS_TOKEN>.'),
        scope.requestId,
      );
      response.headers.set('WWW-Authenticate', 'Bearer');
      return response;
    }
    const { registry } = metrics();
    return new Response(await registry.metrics(), {
      headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
    });
  });
}
