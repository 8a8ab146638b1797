import { z } from 'zod';

import { said } from '@/server/i18n/error-words';
import { requireRecentSecondFactor, type Identity } from '@/server/identity';
import { AppError, platformWords } from '@/server/platform/http/errors';
import {
  assertSecondFactorAllowed,
  recordFailedSecondFactor,
} from '@/server/platform/infra/rate-limit/sign-in-failures';
import { permissionProcedure, publicProcedure, router, type Context } from '@/server/trpc';

import {
  confirmEnrolmentAsService,
  disableTwoFactorAsService,
  recordLockedOutAsService,
  regenerateRecoveryCodesAsService,
  startEnrolmentAsService,
  twoFactorStatusAsService,
  verifySecondFactorAsService,
  type FactorSession,
} from './factors';
import {
  enrolmentOutput,
  recoveryCodesOutput,
  secondFactorCodeInput,
  twoFactorStatusOutput,
  verifiedOutput,
} from './schemas';

const tags = ['two-factor'];

/** Two-factor authentication is the built-in provider's; Supabase Auth keeps its own. */
function assertBuiltIn(ctx: Pick<Context, 'auth'>) {
  if (ctx.auth.kind !== 'built-in') {
    throw new AppError('NOT_IMPLEMENTED', said('auth.twoFactorUnsupported'));
  }
}

/** The built-in session behind the call, signed in or waiting for its second factor. */
function factorSession(identity: Identity): FactorSession {
  if (identity.kind === 'anonymous' && identity.pendingSecondFactor) {
    return identity.pendingSecondFactor;
  }
  if (identity.kind === 'user' && identity.sessionId && !identity.apiKeyId) {
    return { userId: identity.userId, sessionId: identity.sessionId };
  }
  throw new AppError('UNAUTHORIZED', platformWords('signInRequired'));
}

/** A code typed against the account: refused (and audited) while locked, counted when wrong. */
async function counted<T>(
  ctx: Pick<Context, 'scope' | 'serviceDb'>,
  session: FactorSession,
  attempt: () => Promise<T>,
) {
  const { scope } = ctx;
  try {
    await assertSecondFactorAllowed(scope, session.userId);
  } catch (error) {
    if (error instanceof AppError && error.appCode === 'RATE_LIMITED') {
      await recordLockedOutAsService(ctx.serviceDb, session, scope);
    }
    throw error;
  }
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError && error.appCode === 'UNAUTHORIZED') {
      await recordFailedSecondFactor(scope, session.userId);
    }
    throw error;
  }
}

// Enrolment and its changes are a person's, in a session, from the dashboard: tRPC
// only, not in the REST document (an API key may read the status, nothing more).
const sessionMeta = {
  sessionOnly: true,
  notWhileImpersonating: true,
  rateLimit: 'twoFactor',
} as const;
const sessionOnly = permissionProcedure('profile:write').use(({ ctx, next }) => {
  assertBuiltIn(ctx);
  if (ctx.identity.apiKeyId) throw new AppError('FORBIDDEN', said('auth.sessionOnly'));
  return next();
});

/** auth.twoFactor: status, enrolment, the second step of a sign-in, step-up, turning off. */
export const twoFactorRouter = router({
  status: permissionProcedure('profile:read')
    .meta({
      openapi: { method: 'GET', path: '/me/two-factor', tags, summary: 'Your two-factor status' },
    })
    .input(z.void())
    .output(twoFactorStatusOutput)
    .query(async ({ ctx }) => {
      if (ctx.auth.kind !== 'built-in') {
        return { available: false, enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
      }
      const status = await twoFactorStatusAsService(ctx.serviceDb, ctx.identity.userId);
      return { available: true, ...status };
    }),

  enrol: sessionOnly
    .meta(sessionMeta)
    .input(z.void())
    .output(enrolmentOutput)
    .mutation(({ ctx }) =>
      startEnrolmentAsService(
        ctx.serviceDb,
        { userId: ctx.identity.userId, email: ctx.identity.claims.email ?? ctx.identity.userId },
        ctx.scope,
      ),
    ),

  confirm: sessionOnly
    .meta(sessionMeta)
    .input(secondFactorCodeInput)
    .output(recoveryCodesOutput)
    .mutation(({ ctx, input }) => {
      const session = factorSession(ctx.identity);
      return counted(ctx, session, () =>
        confirmEnrolmentAsService(ctx.serviceDb, session, input.code, ctx.scope),
      );
    }),

  verify: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/two-factor/verify',
        protect: false,
        tags,
        summary:
          'The second step of a sign-in, or a step-up before a sensitive action: a code from the authenticator app or a recovery code',
      },
      rateLimit: 'twoFactor',
      notWhileImpersonating: true,
    })
    .input(secondFactorCodeInput)
    .output(verifiedOutput)
    .mutation(async ({ ctx, input }) => {
      assertBuiltIn(ctx);
      const session = factorSession(ctx.identity);
      const { via } = await counted(ctx, session, () =>
        verifySecondFactorAsService(ctx.serviceDb, session, input.code, ctx.scope),
      );
      return { verified: true as const, via };
    }),

  disable: sessionOnly
    .meta(sessionMeta)
    .input(z.void())
    .output(z.object({ disabled: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      requireRecentSecondFactor(ctx.identity);
      await disableTwoFactorAsService(ctx.serviceDb, factorSession(ctx.identity), ctx.scope);
      return { disabled: true as const };
    }),

  regenerateRecoveryCodes: sessionOnly
    .meta(sessionMeta)
    .input(z.void())
    .output(recoveryCodesOutput)
    .mutation(({ ctx }) => {
      requireRecentSecondFactor(ctx.identity);
      return regenerateRecoveryCodesAsService(
        ctx.serviceDb,
        factorSession(ctx.identity),
        ctx.scope,
      );
    }),
});
