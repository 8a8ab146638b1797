import { z } from 'zod';

import {
  apiKeyIdInput,
  apiKeyOutput,
  createApiKeyOutput,
  createOrganizationApiKeyInput,
  listApiKeysInput,
  listApiKeysOutput,
} from '@/server/api-keys/schemas';
import {
  createApiKey,
  forgetApiKey,
  listApiKeys,
  revokeOrganizationApiKey,
} from '@/server/api-keys/service';
import { requireRecentSecondFactor } from '@/server/identity';
import { ORGANIZATION_ROLE_PERMISSIONS, roleAllows } from '@/server/identity/organization-roles';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { lockedActor } from './members';
import { organizationProcedure } from './procedure';

const tags = ['organizations'];
const path = (rest: string) => `/organizations/{organizationId}${rest}` as const;

/**
 * A team's API keys, spread into the organizations router (organizations.apiKeys,
 * .createApiKey, .revokeApiKey): keys that act only in the team, made by its members
 * within their role, listed and revoked by its owners and admins.
 */
export const teamApiKeyProcedures = {
  apiKeys: organizationProcedure('api-keys:read')
    .meta({
      openapi: {
        method: 'GET',
        path: path('/api-keys'),
        tags,
        summary:
          "The organization's API keys, newest first (owners and admins see every member's, others their own)",
      },
    })
    .input(listApiKeysInput)
    .output(listApiKeysOutput)
    .query(({ ctx, input }) =>
      ctx.organization.run((tx) =>
        listApiKeys(tx, { ...input, organizationId: ctx.organization.id }),
      ),
    ),

  createApiKey: organizationProcedure('api-keys:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/api-keys'),
        tags,
        summary:
          'Create an API key that acts only in this organization (the key is in this response only)',
      },
      successStatus: 201,
      rateLimit: 'apiKeyCreate',
      notWhileImpersonating: true,
    })
    .input(createOrganizationApiKeyInput)
    .output(createApiKeyOutput)
    .mutation(({ ctx, input }) => {
      const { identity } = ctx;
      requireRecentSecondFactor(identity);
      return ctx.organization.run(async (tx, role) => {
        // Under the members lock, with the role of now: a demotion that committed
        // meanwhile counts (else Postgres would refuse the insert with a 500).
        const actor = await lockedActor(tx, ctx.organization.id, {
          userId: identity.userId,
          role,
        });
        if (!roleAllows(actor.role, 'api-keys:write')) {
          throw new AppError(
            'FORBIDDEN',
            said('organizations.roleNoLongerAllows', { role: actor.role }),
          );
        }
        // Never more than the caller's role here allows, nor than a key asking holds.
        const allowed = ORGANIZATION_ROLE_PERMISSIONS[actor.role].filter(
          (permission) =>
            !identity.apiKeyId || identity.organization?.permissions.includes(permission),
        );
        return createApiKey(
          tx,
          { userId: identity.userId, apiKeyId: identity.apiKeyId, permissions: allowed },
          { ...input, organizationId: ctx.organization.id },
          ctx.scope,
        );
      });
    }),

  revokeApiKey: organizationProcedure('api-keys:write')
    .meta({
      openapi: {
        method: 'DELETE',
        path: path('/api-keys/{id}'),
        tags,
        summary:
          'Revoke an API key of the organization (your own; owners and admins any), refused everywhere within 5 seconds',
      },
    })
    .input(apiKeyIdInput)
    .output(z.object({ revoked: z.literal(true), apiKey: apiKeyOutput }))
    .mutation(async ({ ctx, input }) => {
      const apiKey = await ctx.organization.run((tx) =>
        revokeOrganizationApiKey(tx, ctx.organization.id, ctx.identity.userId, input.id, ctx.scope),
      );
      await forgetApiKey(input.id);
      return { revoked: true as const, apiKey };
    }),
};
