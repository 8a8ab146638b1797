import { z } from 'zod';

import { mailerFor } from '@/server/mail/mailer';
import { emailLimitKey, enforceNamedLimit } from '@/server/platform/rate-limit/enforce';
import { permissionProcedure, publicProcedure, router } from '@/server/trpc';

import {
  changePasswordAsService,
  normalizeEmail,
  signInAsService,
  signOutAsService,
  signUpAsService,
} from './accounts';
import { sendVerificationEmailAsService, verifyEmailAsService } from './email-verification';
import {
  changePasswordInput,
  sessionOutput,
  signInInput,
  signUpInput,
  verifyEmailInput,
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
      // The account exists either way; a mail that fails is logged and can be re-sent.
      await sendVerificationEmailAsService(
        ctx.serviceDb,
        mailerFor(ctx.serviceDb),
        { id: userId, email: normalizeEmail(input.email) },
        ctx.scope.origin,
      ).catch((error: unknown) =>
        ctx.scope.log.error({ err: error }, 'verification email not sent'),
      );
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
    .output(z.object({ verified: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await verifyEmailAsService(ctx.serviceDb, input.token, ctx.scope);
      return { verified: true as const };
    }),
});
