import { z } from 'zod';

import { emailLimitKey, enforceNamedLimit } from '@/server/platform/rate-limit/enforce';
import { permissionProcedure, publicProcedure, router } from '@/server/trpc';

import {
  changePasswordAsService,
  signInAsService,
  signOutAsService,
  signUpAsService,
} from './accounts';
import { getOwnProfile, updateOwnProfile } from './profile';
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from './session-list';
import {
  changePasswordInput,
  meOutput,
  sessionIdInput,
  sessionListOutput,
  sessionOutput,
  signInInput,
  signUpInput,
  updateMeInput,
} from './schemas';
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
      const { userId, token } = await signUpAsService(ctx.serviceDb, input, {
        ...ctx.scope,
        replacesSessionId: ctx.identity.kind === 'user' ? ctx.identity.sessionId : undefined,
      });
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
      const { userId, token } = await signInAsService(ctx.serviceDb, input, {
        ...ctx.scope,
        // A new session replaces the one this browser had (no session fixation).
        replacesSessionId: ctx.identity.kind === 'user' ? ctx.identity.sessionId : undefined,
      });
      ctx.scope.cookies.push(
        sessionCookie(token, SESSION_ABSOLUTE_SECONDS, ctx.scope.secureCookies),
      );
      return { userId };
    }),

  changePassword: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/change-password',
        tags,
        summary: 'Change your password (signs out your other sessions)',
      },
      rateLimit: 'signIn',
    })
    .input(changePasswordInput)
    .output(z.object({ changed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePasswordAsService(ctx.serviceDb, ctx.identity, input, ctx.scope);
      return { changed: true as const };
    }),

  signOut: publicProcedure
    .meta({
      openapi: { method: 'POST', path: '/auth/sign-out', tags, summary: 'End the current session' },
    })
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      // Public, so that a stale or revoked cookie can always be cleared.
      const { identity } = ctx;
      if (identity.kind === 'user' && identity.sessionId) {
        await signOutAsService(
          ctx.serviceDb,
          { userId: identity.userId, sessionId: identity.sessionId },
          ctx.scope,
        );
      }
      ctx.scope.cookies.push(clearedSessionCookie(ctx.scope.secureCookies));
      return { signedOut: true as const };
    }),
});

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
    })
    .input(z.void())
    .output(z.object({ revoked: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const revoked = await ctx.rls((tx) =>
        revokeOtherSessions(tx, ctx.identity.userId, ctx.identity.sessionId, ctx.scope),
      );
      return { revoked };
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
