import type { TRPCError } from '@trpc/server';

import { appRouter } from '@/server/root';
import { errorResponse, jsonResponse, successBody } from '@/server/platform/http/envelope';
import { toPublicError } from '@/server/platform/http/errors';
import { runApiRequest } from '@/server/platform/http/request-scope';
import { createContext, reportError, type PipelineDeps, type Context } from '@/server/trpc';

import { openApiFetchHandler } from './openapi-fetch';

export const REST_PREFIX = '/api/v1';

// HEAD is answered as GET without a body, so monitors probing with HEAD get the
// real status (the library would answer any HEAD with 204).
function asGet(request: Request): Request {
  return request.method === 'HEAD'
    ? new Request(request.url, { method: 'GET', headers: request.headers, signal: request.signal })
    : request;
}

/**
 * REST adapter: the same procedures as tRPC, routed by their OpenAPI meta, with
 * every body wrapped in the envelope. The error is taken from onError rather than
 * from the library's body, so both adapters share one error mapping.
 */
export const createRestHandler = (deps: PipelineDeps) => {
  const route = openApiFetchHandler<Context>({
    router: appRouter,
    endpoint: REST_PREFIX,
    successStatus: (context) => context.scope.status ?? 200,
  });
  return (incoming: Request) =>
    runApiRequest(
      incoming,
      'rest (unmatched)',
      async (request, scope) => {
        let failure: TRPCError | undefined;
        let context: Context | undefined;
        const answer = await route(asGet(request), {
          createContext: async () => (context = await createContext(request, scope, 'rest', deps)),
          onError: (error) => {
            failure = error;
            reportError(error, scope, context?.serviceDb, deps.reportServerError);
          },
        });

        let result: Response;
        if (failure) {
          result = errorResponse(
            toPublicError(failure, deps.errorLanguage?.(request.headers)),
            scope.requestId,
          );
        } else if (answer.status === 204 || answer.output?.value === undefined) {
          result = new Response(null, { status: 204 });
        } else {
          result = jsonResponse(successBody(answer.output.value, scope.requestId), answer.status);
        }
        return request.method === 'HEAD'
          ? new Response(null, { status: result.status, headers: result.headers })
          : result;
      },
      undefined,
      deps.defer,
    );
};
