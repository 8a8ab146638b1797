import type { TRPCError } from '@trpc/server';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';

import { appRouter } from '@/server/root';
import { toPublicError } from '@/server/platform/errors';
import { runApiRequest } from '@/server/platform/request-scope';
import { createContext, reportError, type AdapterDeps, type Context } from '@/server/trpc';

import { errorBody, jsonResponse, successBody } from './envelope';

export const REST_PREFIX = '/api/v1';
export const MAX_REST_BODY_BYTES = 64 * 1024;

/**
 * REST adapter: the same procedures as tRPC, routed by their OpenAPI meta, with
 * every body wrapped in the envelope. The error is taken from onError rather than
 * from the library's body, so both adapters share one error mapping.
 */
export const createRestHandler = (deps: AdapterDeps) => (request: Request) =>
  runApiRequest(request, 'rest (unmatched)', async (scope) => {
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_REST_BODY_BYTES) {
      const message = `The request body is larger than ${MAX_REST_BODY_BYTES} bytes.`;
      return jsonResponse(
        errorBody({ code: 'PAYLOAD_TOO_LARGE', message, status: 413 }, scope.requestId),
        413,
      );
    }

    let failure: TRPCError | undefined;
    let context: Context | undefined;
    const response = await createOpenApiFetchHandler({
      endpoint: REST_PREFIX,
      router: appRouter,
      req: request,
      createContext: async () => (context = await createContext(request, scope, 'rest', deps)),
      responseMeta: () => ({ status: scope.status ?? 200 }),
      onError: ({ error }) => {
        failure = error;
        reportError(error, scope, context?.db);
      },
    });

    if (failure) {
      const publicError = toPublicError(failure);
      return jsonResponse(errorBody(publicError, scope.requestId), publicError.status);
    }
    const text = await response.text();
    if (response.status === 204 || text === '') return new Response(null, { status: 204 });
    return jsonResponse(successBody(JSON.parse(text), scope.requestId), response.status);
  });
