import { z } from 'zod';

import { deliverMail } from '@/server/mail/mailer';
import { permissionProcedure, router } from '@/server/trpc';

import { requestEmailChangeAsService } from './email-change';
import { getOwnProfile, toMe, updateOwnProfile } from './profile';
import {
  acceptedOutput,
  changeEmailInput,
  meOutput,
  sessionIdInput,
  sessionListOutput,
  updateMeInput,
} from './schemas';
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from './session-list';

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
      return toMe(profile, ctx.identity);
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
    })
    .input(changeEmailInput)
    .output(acceptedOutput)
    .mutation(async ({ ctx, input }) => {
      const messages = await requestEmailChangeAsService(
        ctx.serviceDb,
        ctx.identity.userId,
        input,
        ctx.scope,
      );
      await deliverMail(ctx.serviceDb, ctx.scope.log, ...messages);
      return {
        accepted: true as const,
        message: 'Check your new address: the change takes effect once you open the link we sent.',
      };
    }),
});
