import { z } from 'zod';

import { emailLimitKey, enforceNamedLimit } from '@/server/platform/rate-limit/enforce';
import { authedProcedure, permissionProcedure, publicProcedure, router } from '@/server/trpc';

import { signInAsService, signOutAsService, signUpAsService } from './accounts';
import { getOwnProfile, updateOwnProfile } from './profile';
import { meOutput, sessionOutput, signInInput, signUpInput, updateMeInput } from './schemas';
import { clearedSessionCookie, sessionCookie } from './session-token';
import { SESSION_ABSOLUTE_SECONDS } from './sessions';

const tags = ['auth'];

export const authRouter = router({
  signUp: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/sign-up',
        protect: false,
        tags,
        summary: 'Create an account and sign in',
      },
      successStatus: 201,
      rateLimit: 'signUp',
    })
    .input(signUpInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      await enforceNamedLimit(ctx.scope, 'signUp', emailLimitKey(input.email));
      const { userId, token } = await signUpAsService(ctx.serviceDb, input, ctx.scope);
      ctx.scope.cookies.push(
        sessionCookie(token, SESSION_ABSOLUTE_SECONDS, ctx.scope.secureCookies),
      );
      return { userId };
    }),

  signIn: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/sign-in',
        protect: false,
        tags,
        summary: 'Sign in with email and password',
      },
      rateLimit: 'signIn',
    })
    .input(signInInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      await enforceNamedLimit(ctx.scope, 'signIn', emailLimitKey(input.email));
      const { userId, token } = await signInAsService(ctx.serviceDb, input, ctx.scope);
      ctx.scope.cookies.push(
        sessionCookie(token, SESSION_ABSOLUTE_SECONDS, ctx.scope.secureCookies),
      );
      return { userId };
    }),

  signOut: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/auth/sign-out', tags, summary: 'End the current session' },
    })
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      const { userId, sessionId } = ctx.identity;
      if (sessionId) await signOutAsService(ctx.serviceDb, { userId, sessionId }, ctx.scope);
      ctx.scope.cookies.push(clearedSessionCookie(ctx.scope.secureCookies));
      return { signedOut: true as const };
    }),
});

export const meRouter = router({
  get: permissionProcedure('profile:read')
    .meta({ openapi: { method: 'GET', path: '/me', tags: ['me'], summary: 'Your profile' } })
    .input(z.void())
    .output(meOutput)
    .query(async ({ ctx }) => {
      const profile = await ctx.rls((tx) => getOwnProfile(tx, ctx.identity.userId));
      return {
        ...profile,
        email: ctx.identity.claims.email ?? null,
        permissions: [...ctx.identity.permissions],
      };
    }),

  update: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/me',
        tags: ['me'],
        summary: 'Change your name or avatar',
      },
    })
    .input(updateMeInput)
    .output(meOutput)
    .mutation(async ({ ctx, input }) => {
      const profile = await ctx.rls((tx) =>
        updateOwnProfile(tx, ctx.identity.userId, input, ctx.scope),
      );
      return {
        ...profile,
        email: ctx.identity.claims.email ?? null,
        permissions: [...ctx.identity.permissions],
      };
    }),
});
