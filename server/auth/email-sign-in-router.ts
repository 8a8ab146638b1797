import { AppError } from '@/server/platform/http/errors';
import { emailLimitKey, enforceNamedLimit } from '@/server/platform/infra/rate-limit/enforce';
import {
  assertCodeAllowed,
  recordFailedCode,
} from '@/server/platform/infra/rate-limit/sign-in-failures';
import { authCall, publicProcedure } from '@/server/trpc';

import {
  acceptedOutput,
  requestSignInEmailInput,
  sessionOutput,
  signInWithEmailCodeInput,
  signInWithEmailLinkInput,
} from './schemas';

const tags = ['auth'];

/** Passwordless sign-in by a mailed link or code: part of the auth router. */
export const emailSignInProcedures = {
  requestSignInEmail: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/email-sign-in',
        protect: false,
        tags,
        summary: 'Email a one-time sign-in link and code, if the address has an account',
      },
      successStatus: 202,
      rateLimit: 'emailSignIn',
    })
    .input(requestSignInEmailInput)
    .output(acceptedOutput)
    .mutation(async ({ ctx, input }) => {
      await enforceNamedLimit(ctx.scope, 'emailSignInPerEmail', emailLimitKey(input.email));
      await ctx.auth.requestSignInEmail(authCall(ctx), input);
      return {
        accepted: true as const,
        message:
          'If an account uses this address, we have emailed it a sign-in link and code. They work once, for 15 minutes.',
      };
    }),

  signInWithEmailLink: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/email-sign-in/link',
        protect: false,
        tags,
        summary: 'Sign in with the token from a mailed sign-in link (once)',
      },
      rateLimit: 'signIn',
    })
    .input(signInWithEmailLinkInput)
    .output(sessionOutput)
    .mutation(({ ctx, input }) => ctx.auth.signInWithEmailLink(authCall(ctx), input)),

  signInWithEmailCode: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/email-sign-in/code',
        protect: false,
        tags,
        summary: 'Sign in with your email address and the code mailed to it (once)',
      },
      rateLimit: 'signIn',
    })
    .input(signInWithEmailCodeInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      await assertCodeAllowed(ctx.scope, input.email);
      try {
        return await ctx.auth.signInWithEmailCode(authCall(ctx), input);
      } catch (error) {
        if (error instanceof AppError && error.appCode === 'UNAUTHORIZED') {
          await recordFailedCode(ctx.scope, input.email);
        }
        throw error;
      }
    }),
};
