import { z } from 'zod';

import { OAUTH_PROVIDERS } from '@/db/schema/auth';
import { AppError } from '@/server/platform/http/errors';
import { dateTime } from '@/server/platform/http/output';
import { permissionProcedure, router } from '@/server/trpc';
import { said } from '@/server/i18n/error-words';

import { hasPasswordAsService, listOwnIdentities, unlinkOwnIdentity } from './identities';

const identityOutput = z.object({
  id: z.uuid(),
  provider: z.enum(OAUTH_PROVIDERS),
  email: z.string().nullable(),
  createdAt: dateTime(),
});

export const identitiesRouter = router({
  // An API key with profile:read may list them; linking and signing in are the browser's.
  list: permissionProcedure('profile:read')
    .meta({
      openapi: {
        method: 'GET',
        path: '/me/identities',
        tags: ['me'],
        summary: 'Your linked GitHub and Google accounts',
      },
    })
    .input(z.void())
    // hasPassword: null where Supabase Auth keeps the accounts (and their identities).
    .output(z.object({ identities: z.array(identityOutput), hasPassword: z.boolean().nullable() }))
    .query(async ({ ctx }) => ({
      identities: await ctx.rls((tx) => listOwnIdentities(tx)),
      hasPassword:
        ctx.auth.kind === 'built-in'
          ? await hasPasswordAsService(ctx.serviceDb, ctx.identity.userId)
          : null,
    })),

  unlink: permissionProcedure('profile:write')
    .meta({ sessionOnly: true, rateLimit: 'oauth', notWhileImpersonating: true })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ unlinked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      // Taking away a way to sign in is the person's own act, never a key's.
      if (ctx.identity.apiKeyId)
        throw new AppError('FORBIDDEN', said('auth.identitiesSessionOnly'));
      const hasPassword = await hasPasswordAsService(ctx.serviceDb, ctx.identity.userId);
      await ctx.rls((tx) =>
        unlinkOwnIdentity(tx, ctx.identity.userId, input.id, hasPassword, ctx.scope),
      );
      return { unlinked: true as const };
    }),
});
