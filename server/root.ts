import { authRouter, meRouter } from './auth/router';
import { coreRouter } from './core/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  core: coreRouter,
  auth: authRouter,
  me: meRouter,
});

/** The type TypeScript clients import to call the API with full types. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
