import { jsonResponse, errorBody } from '@/server/adapters/envelope';
import { isMetricsTokenValid, renderPrometheusText } from '@/server/core/prometheus';
import { env } from '@/server/platform/env';
import { runApiRequest } from '@/server/platform/request-scope';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint; it does not exist at all unless METRICS_TOKEN is set. */
export function GET(request: Request) {
  return runApiRequest(request, 'GET /api/metrics', async (scope) => {
    const token = env.METRICS_TOKEN;
    if (!token) {
      const notFound = { code: 'NOT_FOUND', message: 'Not found.', status: 404 } as const;
      return jsonResponse(errorBody(notFound, scope.requestId), 404);
    }
    if (!isMetricsTokenValid(request.headers.get('authorization'), token)) {
      const message = 'Send Authorization: Bearer <METRICS_TOKEN>.';
      const response = jsonResponse(
        errorBody({ code: 'UNAUTHORIZED', message, status: 401 }, scope.requestId),
        401,
      );
      response.headers.set('WWW-Authenticate', 'Bearer');
      return response;
    }
    const { body, contentType } = await renderPrometheusText();
    return new Response(body, {
      headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' },
    });
  });
}
