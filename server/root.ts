import { adminRouter } from './admin/router';
import { apiKeysRouter } from './api-keys/router';
import { auditRouter } from './audit/router';
import { countOrganizationActiveKeys } from './api-keys/service';
import { createBillingRouter } from './billing/router';
import { meRouter, sessionsRouter } from './auth/me-router';
import { passkeysRouter } from './auth/passkeys/router';
import { authRouter } from './auth/router';
import { coreRouter } from './core/router';
import { organizationsRouter } from './organizations/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  core: coreRouter,
  auth: authRouter,
  me: meRouter,
  sessions: sessionsRouter,
  passkeys: passkeysRouter,
  organizations: organizationsRouter,
  apiKeys: apiKeysRouter,
  billing: createBillingRouter({ activeApiKeys: countOrganizationActiveKeys }),
  audit: auditRouter,
  admin: adminRouter,
});

/** The type TypeScript clients import to call the API with full types. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
