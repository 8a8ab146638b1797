import { z } from 'zod';

import { deliverMail } from '@/server/mail/mailer';
import { AppError } from '@/server/platform/errors';
import { emailLimitKey, enforceNamedLimit } from '@/server/platform/rate-limit/enforce';
import { publicProcedure, router } from '@/server/trpc';

import { signInAsService, signOutAsService } from './accounts';
import { confirmEmailAsService, verificationMessageAsService } from './email-verification';
import { passwordProcedures } from './password-router';
import {
  acceptedOutput,
  sessionOutput,
  signInInput,
  signUpInput,
  verifyEmailInput,
  verifyEmailOutput,
} from './schemas';
import { clearedSessionCookie, sessionCookie } from './session-token';
import { SESSION_ABSOLUTE_SECONDS } from './sessions';
import { signUpAsService } from './sign-up';

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
      const message = await signUpAsService(ctx.serviceDb, input, ctx.scope);
      await deliverMail(ctx.serviceDb, ctx.scope.log, message);
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
      await enforceNamedLimit(ctx.scope, 'signIn', emailLimitKey(input.email));
      const result = await signInAsService(ctx.serviceDb, input, {
        ...ctx.scope,
        // A new session replaces the one this browser had (no session fixation).
        replacesSessionId: ctx.identity.kind === 'user' ? ctx.identity.sessionId : undefined,
      });
      if (result.kind === 'unverified') {
        const message = await verificationMessageAsService(ctx.serviceDb, {
          id: result.userId,
          email: result.email,
        });
        await deliverMail(ctx.serviceDb, ctx.scope.log, message);
        throw new AppError(
          'FORBIDDEN',
          'Confirm your email address first: we have sent you a new link.',
        );
      }
      const { userId, token } = result;
      ctx.scope.cookies.push(
        sessionCookie(token, SESSION_ABSOLUTE_SECONDS, ctx.scope.secureCookies),
      );
      return { userId };
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
      const { emailChanged } = await confirmEmailAsService(ctx.serviceDb, input.token, ctx.scope);
      return { verified: true as const, emailChanged };
    }),

  ...passwordProcedures,
});
