import { afterResponse } from './after-response';
import { backgroundFor, type Background, type Defer } from './background';
import { clientIpOf } from './client-ip';
import { errorResponse } from './envelope';
import { INTERNAL_ERROR_MESSAGE, publicError } from './errors';
import { logger, type Logger } from '@/server/platform/observability/logger';
import { recordRequest } from '@/server/platform/observability/metrics';
import type { LimitDecision } from '@/server/platform/infra/rate-limit/check';
import { withBoundedBody } from './request-body';
import { servedOverHttps } from './request-origin';
import { requestIdFrom } from './security-headers';

/** The largest request body any API route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What every API request carries from its first step to its log line. */
export type RequestScope = {
  requestId: string;
  /** The request's logger: every line carries the request id and what `bindLog` added. */
  readonly log: Logger;
  /** Adds fields to every later line of this request's log (who it was for). */
  bindLog: (fields: Record<string, unknown>) => void;
  method: string;
  path: string;
  /** Bounded route label for logs and metrics; adapters refine it to the procedure. */
  route: string;
  /** From a trusted source only (see client-ip.ts); null when none is available. */
  clientIp: string | null;
  userAgent: string | null;
  /** Set-Cookie values a procedure asked for (sign-in, sign-out). */
  cookies: string[];
  /** Whether cookies are Secure (and `__Host-`): wherever the browser used https. */
  secureCookies: boolean;
  /** The most restrictive rate-limit decision taken for this request. */
  rateLimit?: LimitDecision;
  /**
   * The caller's plan-tier (global) limit as last counted in this request. Kept
   * apart from `rateLimit`, which a stricter limit in the same batch (health's)
   * may hold, so the billing page reports the plan's budget whatever else ran.
   */
  tierLimit?: LimitDecision;
  /** A procedure may ask for a non-default success status (e.g. 503 from health). */
  status?: number;
  /** Work for after the response (failures logged); see background.ts. */
  background: Background;
  /** Set when an admin views the product as the signed-in user: audit rows name them. */
  impersonatorId?: string;
};

/**
 * Step 1 and step 7 of the request pipeline, shared by every API route: request id,
 * child logger and a bounded body in; then `x-request-id`, one log line and the
 * metrics out. Whatever escapes the handler becomes a 500 envelope here, never
 * Next.js's bare error page. (Static security headers come from next.config.ts.)
 */
export async function runApiRequest(
  request: Request,
  route: string,
  handle: (request: Request, scope: RequestScope) => Promise<Response>,
  maxBodyBytes = MAX_BODY_BYTES,
  defer: Defer = afterResponse,
): Promise<Response> {
  const startedAt = performance.now();
  const requestId = requestIdFrom(request.headers);
  // Most requests log one line, written below with these fields inline: the child
  // logger is made only when something else logs.
  const logFields: Record<string, unknown> = { requestId };
  let log: Logger | undefined;
  const scope: RequestScope = {
    requestId,
    get log() {
      return (log ??= logger.child(logFields));
    },
    bindLog(fields) {
      Object.assign(logFields, fields);
      log = undefined;
    },
    method: request.method,
    path: new URL(request.url).pathname,
    route,
    clientIp: clientIpOf(request.headers),
    userAgent: request.headers.get('user-agent'),
    cookies: [],
    secureCookies: servedOverHttps(request),
    background: backgroundFor(defer, () => scope.log),
  };

  let response: Response;
  try {
    const bounded = await withBoundedBody(request, maxBodyBytes);
    response =
      bounded instanceof Request ? await handle(bounded, scope) : errorResponse(bounded, requestId);
  } catch (error) {
    scope.log.error({ err: error, route: scope.route }, 'unhandled error in the request pipeline');
    response = errorResponse(publicError('INTERNAL', INTERNAL_ERROR_MESSAGE), requestId);
  }

  response.headers.set('x-request-id', requestId);
  // API answers carry user data (tRPC's as much as REST's): no browser or shared
  // cache may keep them unless a route says otherwise.
  if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
  if (scope.rateLimit) setRateLimitHeaders(response.headers, scope.rateLimit);
  for (const cookie of scope.cookies) response.headers.append('Set-Cookie', cookie);
  const durationMs = performance.now() - startedAt;
  recordRequest(scope.method, scope.route, response.status, durationMs / 1000);
  // The error itself is logged once, with its details, where it is caught; this
  // line only records that the request happened (with the user and key ids, which
  // the context builder bound once it knew them).
  logger[response.status >= 500 ? 'warn' : 'info'](
    {
      ...logFields,
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

/**
 * The IETF draft's RateLimit-* fields (reset in seconds from now) and the older
 * X-RateLimit-* ones (reset as a Unix time), plus Retry-After on a refusal.
 */
function setRateLimitHeaders(headers: Headers, decision: LimitDecision) {
  const resetSeconds = Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000));
  headers.set('RateLimit-Limit', String(decision.limit));
  headers.set('RateLimit-Remaining', String(decision.remaining));
  headers.set('RateLimit-Reset', String(resetSeconds));
  headers.set('X-RateLimit-Limit', String(decision.limit));
  headers.set('X-RateLimit-Remaining', String(decision.remaining));
  headers.set('X-RateLimit-Reset', String(Math.ceil(decision.resetAt / 1000)));
  if (!decision.allowed) headers.set('Retry-After', String(Math.max(1, resetSeconds)));
}
