import { isBearerTokenValid } from '@/server/platform/http/bearer-token';
import { errorResponse } from '@/server/platform/http/envelope';
import { publicError } from '@/server/platform/http/errors';
import { metrics } from '@/server/platform/observability/metrics';
import { runApiRequest } from '@/server/platform/http/request-scope';

/**
 * The Prometheus scrape endpoint. Without a configured token it does not exist at
 * all (404), so an unconfigured deployment exposes nothing.
 */
export function handleMetricsRequest(request: Request, token: string | undefined) {
  return runApiRequest(request, 'GET /api/metrics', async (_request, scope) => {
    if (!token) return errorResponse(publicError('NOT_FOUND', 'Not found.'), scope.requestId);
    if (!isBearerTokenValid(request.headers.get('authorization'), token)) {
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
