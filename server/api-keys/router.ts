import { z } from 'zod';

import { assertAdminSecondFactor, requireRecentSecondFactor } from '@/server/identity';
import { permissionProcedure, router } from '@/server/trpc';

import {
  apiKeyIdInput,
  apiKeyOutput,
  createApiKeyInput,
  createApiKeyOutput,
  listApiKeysInput,
  listApiKeysOutput,
} from './schemas';
import { createApiKey, forgetApiKey, listApiKeys, revokeOwnApiKey } from './service';

const tags = ['api-keys'];

export const apiKeysRouter = router({
  list: permissionProcedure('api-keys:read')
    .meta({
      openapi: {
        method: 'GET',
        path: '/api-keys',
        tags,
        summary: 'Your API keys in every organization you belong to, newest first',
      },
    })
    .input(listApiKeysInput)
    .output(listApiKeysOutput)
    .query(({ ctx, input }) => ctx.rls((tx) => listApiKeys(tx, input))),

  create: permissionProcedure('api-keys:write')
    .meta({
      openapi: {
        method: 'POST',
        path: '/api-keys',
        tags,
        summary:
          'Create a personal API key, in your personal workspace (the key is in this response only)',
      },
      successStatus: 201,
      rateLimit: 'apiKeyCreate',
      notWhileImpersonating: true,
    })
    .input(createApiKeyInput)
    .output(createApiKeyOutput)
    .mutation(({ ctx, input }) => {
      requireRecentSecondFactor(ctx.identity);
      // A key with the admin scope is a way into the admin API: the same rule as its area.
      if (input.scopes.includes('admin')) assertAdminSecondFactor(ctx.identity);
      return ctx.rls((tx) => createApiKey(tx, ctx.identity, input, ctx.scope));
    }),

  revoke: permissionProcedure('api-keys:write')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api-keys/{id}',
        tags,
        summary: 'Revoke an API key (refused everywhere within 5 seconds)',
      },
    })
    .input(apiKeyIdInput)
    .output(z.object({ revoked: z.literal(true), apiKey: apiKeyOutput }))
    .mutation(async ({ ctx, input }) => {
      const apiKey = await ctx.rls((tx) =>
        revokeOwnApiKey(tx, ctx.identity.userId, input.id, ctx.scope),
      );
      await forgetApiKey(input.id);
      return { revoked: true as const, apiKey };
    }),
});
