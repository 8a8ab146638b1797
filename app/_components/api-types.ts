import type { TRPCClientErrorLike } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@/server/root';

// The browser's view of the API comes from the router itself, never a hand-typed
// copy: superjson (server/trpc.ts) delivers outputs as typed, Dates included.
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A failed call, shaped by the router's errorFormatter (code, httpStatus, details). */
export type ApiError = TRPCClientErrorLike<AppRouter>;
