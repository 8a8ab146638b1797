import { z } from 'zod';

import {
  clearedSessionCookie,
  impersonatorCookie,
  impersonatorTokenFrom,
  sessionCookie,
  sessionTokenFrom,
} from '@/server/auth/session-token';
import { SESSION_ABSOLUTE_SECONDS } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';
import { assertAdminSecondFactor, requireRecentSecondFactor } from '@/server/identity';
import { AppError } from '@/server/platform/http/errors';
import { authedProcedure, permissionProcedure } from '@/server/trpc';

import {
  IMPERSONATION_SECONDS,
  startImpersonationAsAdmin,
  stopImpersonationAsService,
} from './impersonation';
import { userIdInput } from './schemas';

const tags = ['admin'];

/** Viewing the product as a user: part of the admin router. */
export const impersonationProcedures = {
  impersonate: permissionProcedure('admin')
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/users/{userId}/impersonate',
        tags,
        summary: 'View the product as this user for 30 minutes (this browser only)',
      },
      sessionOnly: true,
    })
    .input(userIdInput)
    .output(z.object({ userId: z.uuid(), expiresInSeconds: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const { identity, scope } = ctx;
      // The admin's own session is kept aside in the browser, to come back to.
      const own = sessionTokenFrom(ctx.cookieHeader, scope.secureCookies);
      if (identity.apiKeyId || !identity.sessionId || identity.impersonatorId || !own) {
        throw new AppError('FORBIDDEN', said('admin.sessionOnly'));
      }
      // As the admin area's other powers: two-factor on (ADMIN_REQUIRE_2FA), and fresh.
      assertAdminSecondFactor(identity);
      requireRecentSecondFactor(identity);
      const view = await startImpersonationAsAdmin(
        { adminId: identity.userId, db: ctx.serviceDb, audit: scope },
        input.userId,
      );
      scope.cookies.push(
        sessionCookie(view.token, IMPERSONATION_SECONDS, scope.secureCookies),
        impersonatorCookie(own, IMPERSONATION_SECONDS, scope.secureCookies),
      );
      return { userId: input.userId, expiresInSeconds: IMPERSONATION_SECONDS };
    }),

  stopImpersonating: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/impersonation/stop',
        tags,
        summary: 'Stop viewing as a user and return to your own session',
      },
      sessionOnly: true,
    })
    .input(z.void())
    .output(z.object({ userId: z.uuid(), restored: z.boolean() }))
    .mutation(async ({ ctx }) => {
      const { identity, scope } = ctx;
      if (!identity.impersonatorId || !identity.sessionId) {
        throw new AppError('BAD_REQUEST', said('admin.notImpersonating'));
      }
      const restored = await stopImpersonationAsService(
        {
          adminId: identity.impersonatorId,
          userId: identity.userId,
          sessionId: identity.sessionId,
          db: ctx.serviceDb,
          audit: scope,
        },
        impersonatorTokenFrom(ctx.cookieHeader, scope.secureCookies),
      );
      scope.cookies.push(
        restored
          ? sessionCookie(restored, SESSION_ABSOLUTE_SECONDS, scope.secureCookies)
          : clearedSessionCookie(scope.secureCookies),
        impersonatorCookie('', 0, scope.secureCookies),
      );
      return { userId: identity.userId, restored: restored !== null };
    }),
};
