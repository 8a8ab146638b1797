import { z } from 'zod';

import { AppError } from '@/server/platform/http/errors';
import { emailLimitKey, enforceNamedLimit } from '@/server/platform/infra/rate-limit/enforce';
import {
  assertSignInAllowed,
  recordFailedSignIn,
} from '@/server/platform/infra/rate-limit/sign-in-failures';
import { authCall, publicProcedure, router } from '@/server/trpc';

import { emailSignInProcedures } from './email-sign-in-router';
import { passkeySignInProcedures } from './passkeys/router';
import { passwordProcedures } from './password-router';
import { twoFactorRouter } from './two-factor/router';
import {
  acceptedOutput,
  sessionOutput,
  signInInput,
  signUpInput,
  verifyEmailInput,
  verifyEmailOutput,
} from './schemas';

const tags = ['auth'];

export const authRouter = router({
  signUp: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/sign-up',
        protect: false,
        tags,
        summary: 'Create an account; a link to confirm the address is emailed',
      },
      successStatus: 202,
      rateLimit: 'signUp',
    })
    .input(signUpInput)
    .output(acceptedOutput)
    .mutation(async ({ ctx, input }) => {
      await enforceNamedLimit(ctx.scope, 'signUp', emailLimitKey(input.email));
      await ctx.auth.signUp(authCall(ctx), input);
      return {
        accepted: true as const,
        message: 'Check your email: we have sent you a link to confirm your address.',
      };
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
      // Failures are limited per account and address, not per account, so that
      // nobody can lock an owner out by failing on purpose (sign-in-failures.ts).
      await assertSignInAllowed(ctx.scope, input.email);
      try {
        return await ctx.auth.signIn(authCall(ctx), input);
      } catch (error) {
        if (error instanceof AppError && error.appCode === 'UNAUTHORIZED') {
          await recordFailedSignIn(ctx.scope, input.email);
        }
        throw error;
      }
    }),

  signOut: publicProcedure
    .meta({
      openapi: { method: 'POST', path: '/auth/sign-out', tags, summary: 'End the current session' },
    })
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      // Public, so that a stale or revoked cookie can always be cleared.
      await ctx.auth.signOut(authCall(ctx));
      return { signedOut: true as const };
    }),

  verifyEmail: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/verify-email',
        protect: false,
        tags,
        summary: 'Confirm an email address with the token from its link',
      },
    })
    .input(verifyEmailInput)
    .output(verifyEmailOutput)
    .mutation(async ({ ctx, input }) => {
      const { emailChanged } = await ctx.auth.confirmEmail(authCall(ctx), input);
      return { verified: true as const, emailChanged };
    }),

  ...passwordProcedures,
  ...emailSignInProcedures,
  twoFactor: twoFactorRouter,
  ...passkeySignInProcedures,
});
