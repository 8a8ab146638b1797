import { logger, type Logger } from './logger';
import { recordRequest } from './metrics';
import { API_CONTENT_SECURITY_POLICY, requestIdFrom } from './security-headers';

/** What every API request carries from its first step to its log line. */
export type RequestScope = {
  requestId: string;
  log: Logger;
  method: string;
  path: string;
  /** Bounded route label for logs and metrics; adapters refine it to the procedure. */
  route: string;
  clientIp: string | null;
  /** A procedure may ask for a non-default success status (e.g. 503 from health). */
  status?: number;
};

function clientIpOf(request: Request): string | null {
  // Trusting forwarded headers is configured by the rate-limit work; until then
  // the address is informational only (logs), never used for a decision.
  return request.headers.get('x-real-ip');
}

/**
 * Step 1 and step 7 of the request pipeline, shared by the tRPC and REST adapters:
 * request id and child logger in, then `x-request-id`, the API CSP, one log line
 * and the metrics out.
 */
export async function runApiRequest(
  request: Request,
  route: string,
  handle: (scope: RequestScope) => Promise<Response>,
): Promise<Response> {
  const startedAt = performance.now();
  const requestId = requestIdFrom(request.headers);
  const url = new URL(request.url);
  const scope: RequestScope = {
    requestId,
    log: logger.child({ requestId }),
    method: request.method,
    path: url.pathname,
    route,
    clientIp: clientIpOf(request),
  };

  const response = await handle(scope);

  response.headers.set('x-request-id', requestId);
  response.headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  const durationMs = performance.now() - startedAt;
  recordRequest(scope.method, scope.route, response.status, durationMs / 1000);
  // The error itself is logged once, with its details, where it is caught; this
  // line only records that the request happened.
  const level = response.status >= 500 ? 'warn' : 'info';
  scope.log[level](
    {
      method: scope.method,
      path: scope.path,
      route: scope.route,
      status: response.status,
      durationMs: Math.round(durationMs * 10) / 10,
    },
    'request',
  );
  return response;
}
