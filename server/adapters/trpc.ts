import { fetchRequestHandler } from '@trpc/server/adapters/fetch';

import { appRouter } from '@/server/root';
import { runApiRequest } from '@/server/platform/http/request-scope';
import {
  createContext,
  reportError,
  UNMATCHED_TRPC_ROUTE,
  type PipelineDeps,
  type Context,
} from '@/server/trpc';

export const TRPC_PREFIX = '/api/trpc';

export const createTrpcHandler = (deps: PipelineDeps) => (incoming: Request) =>
  runApiRequest(
    incoming,
    UNMATCHED_TRPC_ROUTE,
    async (request, scope) => {
      let context: Context | undefined;
      return fetchRequestHandler({
        endpoint: TRPC_PREFIX,
        req: request,
        router: appRouter,
        // A batch runs every call in it; bound its size (rate limits count each call).
        maxBatchSize: 10,
        createContext: async () => (context = await createContext(request, scope, 'trpc', deps)),
        onError: ({ error }) =>
          reportError(error, scope, context?.serviceDb, deps.reportServerError),
      });
    },
    undefined,
    deps.defer,
  );
