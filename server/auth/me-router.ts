import { z } from 'zod';

import { requireRecentSecondFactor } from '@/server/identity';
import { authCall, authedProcedure, permissionProcedure, router } from '@/server/trpc';

import { toMe, updateOwnProfile } from './profile';
import { cachedOwnProfile } from './profile-cache';
import {
  acceptedOutput,
  changeEmailInput,
  meOutput,
  sessionIdInput,
  sessionListOutput,
  updateMeInput,
} from './schemas';
import { listOwnSessions, revokeOwnSession } from './session-list';
import { onUserChanged } from './user-changed';

export const sessionsRouter = router({
  list: permissionProcedure('profile:read')
    .meta({
      openapi: {
        method: 'GET',
        path: '/sessions',
        tags: ['sessions'],
        summary: 'Your signed-in sessions',
      },
    })
    .input(z.void())
    .output(sessionListOutput)
    .query(({ ctx }) => ctx.rls((tx) => listOwnSessions(tx, ctx.identity.sessionId))),

  revoke: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/sessions/{id}',
        tags: ['sessions'],
        summary: 'Sign out one session',
      },
      notWhileImpersonating: true,
    })
    .input(sessionIdInput)
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.rls((tx) => revokeOwnSession(tx, ctx.identity.userId, input.id, ctx.scope));
      return { revoked: true as const };
    }),

  revokeOthers: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'POST',
        path: '/sessions/revoke-others',
        tags: ['sessions'],
        summary: 'Sign out everywhere else',
      },
      notWhileImpersonating: true,
    })
    .input(z.void())
    // null when the provider does not say how many (Supabase Auth).
    .output(z.object({ revoked: z.number().int().nullable() }))
    .mutation(async ({ ctx }) => ({ revoked: await ctx.auth.signOutOthers(authCall(ctx)) })),
});

export const meRouter = router({
  // Any caller may ask who it is and, for an API key, where it acts: no scope needed.
  get: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/me',
        tags: ['me'],
        summary: 'Your profile, and for an API key the organization it acts in',
      },
    })
    .input(z.void())
    .output(meOutput)
    .query(async ({ ctx }) => {
      const profile = await cachedOwnProfile(ctx.rls, ctx.identity.userId);
      return toMe(profile, ctx.identity);
    }),

  update: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/me',
        tags: ['me'],
        summary: 'Change your name, avatar or language (locale: en, de, or null for the browser’s)',
      },
    })
    .input(updateMeInput)
    .output(meOutput)
    .mutation(async ({ ctx, input }) => {
      const profile = await ctx.rls((tx) =>
        updateOwnProfile(tx, ctx.identity.userId, input, ctx.scope),
      );
      await onUserChanged(ctx.identity.userId);
      return toMe(profile, ctx.identity);
    }),

  changeEmail: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'POST',
        path: '/me/email',
        tags: ['me'],
        summary: 'Change your email address (confirmed through a link to the new one)',
      },
      successStatus: 202,
      rateLimit: 'signIn',
      notWhileImpersonating: true,
    })
    .input(changeEmailInput)
    .output(acceptedOutput)
    .mutation(async ({ ctx, input }) => {
      requireRecentSecondFactor(ctx.identity);
      await ctx.auth.changeEmail(authCall(ctx), input);
      return {
        accepted: true as const,
        message: 'Check your new address: the change takes effect once you open the link we sent.',
      };
    }),
});
