import { z } from 'zod';

import { emailLimitKey, enforceNamedLimit } from '@/server/platform/infra/rate-limit/enforce';
import { requireRecentSecondFactor } from '@/server/identity';
import { authCall, permissionProcedure, publicProcedure } from '@/server/trpc';

import {
  acceptedOutput,
  changePasswordInput,
  forgotPasswordInput,
  resetPasswordInput,
} from './schemas';

const tags = ['auth'];

/** Change, forget and reset: part of the auth router. */
export const passwordProcedures = {
  changePassword: permissionProcedure('profile:write')
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/change-password',
        tags,
        summary: 'Change your password (signs out your other sessions)',
      },
      rateLimit: 'signIn',
      notWhileImpersonating: true,
    })
    .input(changePasswordInput)
    .output(z.object({ changed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      requireRecentSecondFactor(ctx.identity);
      await ctx.auth.changePassword(authCall(ctx), input);
      return { changed: true as const };
    }),

  forgotPassword: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/forgot-password',
        protect: false,
        tags,
        summary: 'Email a password reset link, if the address has an account',
      },
      successStatus: 202,
      rateLimit: 'passwordReset',
    })
    .input(forgotPasswordInput)
    .output(acceptedOutput)
    .mutation(async ({ ctx, input }) => {
      await enforceNamedLimit(ctx.scope, 'passwordReset', emailLimitKey(input.email));
      await ctx.auth.forgotPassword(authCall(ctx), input);
      return {
        accepted: true as const,
        message:
          'If an account uses this address, we have emailed it a link to reset the password.',
      };
    }),

  resetPassword: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/reset-password',
        protect: false,
        tags,
        summary: 'Set a new password with the token from a reset link (signs out everywhere)',
      },
      rateLimit: 'passwordReset',
    })
    .input(resetPasswordInput)
    .output(z.object({ reset: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.auth.resetPassword(authCall(ctx), input);
      return { reset: true as const };
    }),
};
