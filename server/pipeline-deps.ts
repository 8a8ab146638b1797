import { getDb } from '@/db/client';

import { apiKeyIdentifier, type KeyLookups } from './api-keys/verify';
import { accountClaimsOf } from './auth/account-claims';
import { defaultAuthProvider } from './auth/default-provider';
import { cachedPlanOf, cachedPlanOfMember } from './billing/entitlements';
import { entitlementsOf } from './billing/plans';
import { billingFromEnv } from './billing/stripe-client';
import { recordServerErrorAsService } from './core/error-reports';
import { errorLanguageOf } from './i18n/error-words';
import { organizationMembershipAsService } from './organizations/organizations';
import type { PipelineDeps } from './trpc';

/** What API-key verification reads of the accounts' and organizations' rows. */
export const apiKeyLookups: KeyLookups = {
  ownerOf: accountClaimsOf,
  membershipOf: organizationMembershipAsService,
};

/**
 * The features the request pipeline (server/trpc.ts) runs with, wired here so the
 * pipeline itself knows none of them. A request with an API key is that key's,
 * whatever cookies it has; else the auth provider's session decides.
 */
export function pipelineDeps(overrides: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    getDb,
    auth: defaultAuthProvider,
    identifiers: (auth) => [
      apiKeyIdentifier(apiKeyLookups),
      // Last, and it always decides: the provider's session, or anonymous.
      (request, db, scope) => auth.identify(request, db, scope),
    ],
    billing: billingFromEnv,
    tierOf: async (db, userId, organizationId) => {
      const plan = organizationId
        ? await cachedPlanOf(db, organizationId)
        : await cachedPlanOfMember(db, userId);
      return entitlementsOf(plan).rateLimitTier;
    },
    reportServerError: recordServerErrorAsService,
    errorLanguage: errorLanguageOf,
    ...overrides,
  };
}
