import { z } from 'zod';

import { deliverMail } from '@/server/mail/mailer';
import { emailLimitKey, enforceNamedLimit } from '@/server/platform/rate-limit/enforce';
import { permissionProcedure, publicProcedure } from '@/server/trpc';

import {
  changePasswordAsService,
  passwordResetMessageAsService,
  resetPasswordAsService,
} from './password-change';
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
    })
    .input(changePasswordInput)
    .output(z.object({ changed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePasswordAsService(ctx.serviceDb, ctx.identity, input, ctx.scope);
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
      const message = await passwordResetMessageAsService(ctx.serviceDb, input.email);
      if (message) await deliverMail(ctx.serviceDb, ctx.scope.log, message);
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
      await resetPasswordAsService(ctx.serviceDb, input, ctx.scope);
      return { reset: true as const };
    }),
};
