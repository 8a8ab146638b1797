import { z } from 'zod';

import { sessionCookie } from '@/server/auth/session-token';
import { SESSION_ABSOLUTE_SECONDS } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';
import { requireRecentSecondFactor } from '@/server/identity';
import { AppError } from '@/server/platform/http/errors';
import { permissionProcedure, publicProcedure, router, type Context } from '@/server/trpc';

import { listOwnPasskeys, removeOwnPasskey, renameOwnPasskey } from './own-passkeys';
import { registerPasskeyAsService, registrationOptionsAsService } from './registration';
import { relyingPartyFor } from './relying-party';
import {
  ceremonyOptionsOutput,
  passkeyIdInput,
  passkeyListOutput,
  registerPasskeyInput,
  renamePasskeyInput,
  signInWithPasskeyInput,
} from './schemas';
import { sessionOutput } from '../schemas';
import { signInOptionsAsService, signInWithPasskeyAsService } from './sign-in';

const tags = ['passkeys'];

// The library's option types are plain JSON objects; the browser's library reads them back.
const asJson = (options: object) => options as Record<string, unknown>;

/** Passkeys live in our tables, beside the built-in provider's sessions. */
function assertBuiltInAuth(ctx: Pick<Context, 'auth'>) {
  if (ctx.auth.kind !== 'built-in') {
    throw new AppError('NOT_IMPLEMENTED', said('passkeys.needsBuiltInAuth'));
  }
}

/** Changing them takes the person in a browser: an API key may only list them. */
const managing = permissionProcedure('profile:write')
  .meta({ sessionOnly: true, notWhileImpersonating: true })
  .use(({ ctx, next }) => {
    assertBuiltInAuth(ctx);
    if (ctx.identity.apiKeyId || !ctx.identity.sessionId) {
      throw new AppError('FORBIDDEN', said('passkeys.sessionOnly'));
    }
    // A passkey is a whole sign-in, second factor included: with 2FA on, a fresh code.
    requireRecentSecondFactor(ctx.identity);
    return next();
  });

export const passkeysRouter = router({
  list: permissionProcedure('profile:read')
    .meta({ openapi: { method: 'GET', path: '/me/passkeys', tags, summary: 'Your passkeys' } })
    .input(z.void())
    .output(passkeyListOutput)
    .query(({ ctx }) => ctx.rls((tx) => listOwnPasskeys(tx))),

  registrationOptions: managing
    .meta({
      openapi: {
        method: 'POST',
        path: '/me/passkeys/options',
        tags,
        summary: 'Options for the browser to create a passkey (answered by POST /me/passkeys)',
      },
      rateLimit: 'passkeyChallenge',
    })
    .input(z.void())
    .output(ceremonyOptionsOutput)
    .mutation(async ({ ctx }) => {
      const party = relyingPartyFor(ctx.requestHeaders);
      const email = ctx.identity.claims.email ?? ctx.identity.userId;
      const options = await registrationOptionsAsService(
        ctx.serviceDb,
        { userId: ctx.identity.userId, email },
        party,
      );
      return { options: asJson(options) };
    }),

  register: managing
    .meta({
      openapi: { method: 'POST', path: '/me/passkeys', tags, summary: 'Add a passkey' },
      successStatus: 201,
      rateLimit: 'signIn',
    })
    .input(registerPasskeyInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      registerPasskeyAsService(
        ctx.serviceDb,
        ctx.identity.userId,
        input,
        relyingPartyFor(ctx.requestHeaders),
        ctx.scope,
      ),
    ),

  rename: managing
    .meta({
      openapi: { method: 'PATCH', path: '/me/passkeys/{id}', tags, summary: 'Rename a passkey' },
    })
    .input(renamePasskeyInput)
    .output(z.object({ renamed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.rls((tx) => renameOwnPasskey(tx, ctx.identity.userId, input, ctx.scope));
      return { renamed: true as const };
    }),

  remove: managing
    .meta({
      openapi: { method: 'DELETE', path: '/me/passkeys/{id}', tags, summary: 'Remove a passkey' },
    })
    .input(passkeyIdInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.rls((tx) => removeOwnPasskey(tx, ctx.identity.userId, input.id, ctx.scope));
      return { removed: true as const };
    }),
});

/** Signing in with a passkey: part of the auth router. */
export const passkeySignInProcedures = {
  passkeySignInOptions: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/passkey/options',
        protect: false,
        tags: ['auth'],
        summary:
          'Options for the browser to sign in with a passkey (answered by POST /auth/passkey)',
      },
      rateLimit: 'passkeyChallenge',
    })
    .input(z.void())
    .output(ceremonyOptionsOutput)
    .mutation(async ({ ctx }) => {
      assertBuiltInAuth(ctx);
      const party = relyingPartyFor(ctx.requestHeaders);
      return { options: asJson(await signInOptionsAsService(ctx.serviceDb, party)) };
    }),

  signInWithPasskey: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/passkey',
        protect: false,
        tags: ['auth'],
        summary: 'Sign in with a passkey',
      },
      rateLimit: 'signIn',
    })
    .input(signInWithPasskeyInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      assertBuiltInAuth(ctx);
      const { identity, scope } = ctx;
      const session = await signInWithPasskeyAsService(
        ctx.serviceDb,
        input.response,
        relyingPartyFor(ctx.requestHeaders),
        { ...scope, replacesSessionId: identity.kind === 'user' ? identity.sessionId : undefined },
      );
      scope.cookies.push(
        sessionCookie(session.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies),
      );
      return { userId: session.userId };
    }),
};
