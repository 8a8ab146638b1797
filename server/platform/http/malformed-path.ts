import { errorResponse } from './envelope';
import { publicError } from './errors';
import { runApiRequest } from './request-scope';

const MESSAGE = 'The address is not validly percent-encoded.';

/**
 * The answer to a request server.mjs rerouted because its path does not decode
 * (see malformed-path-guard.mjs): a 400 envelope for the API, a plain 400 page for
 * anything else, through the API pipeline so it has a request id and a log line. The
 * static security headers come from next.config.ts, as on every route.
 */
export function malformedPathResponse(request: Request): Promise<Response> {
  return runApiRequest(request, 'malformed path', async (_request, scope) => {
    // Logged as the client sent it (re-encoded by the guard, so it is valid text).
    const original = new URL(request.url).searchParams.get('path') ?? scope.path;
    scope.path = original.slice(0, 2_048);
    if (/^\/api(\/|$)/.test(original)) {
      return errorResponse(publicError('BAD_REQUEST', MESSAGE), scope.requestId);
    }
    return new Response(`400 Bad Request\n\n${MESSAGE}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });
}
