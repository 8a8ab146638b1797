import { withRls } from '@/db/rls';
import { localeOfRequest } from '@/server/i18n/request-locale';
import { deliverMail } from '@/server/mail/mailer';
import { AppError } from '@/server/platform/http/errors';

import { signInAsService, signOutAsService } from './accounts';
import { requestEmailChangeAsService } from './email-change';
import {
  signInMessageAsService,
  signInWithEmailCodeAsService,
  signInWithEmailLinkAsService,
} from './email-sign-in';
import { confirmEmailAsService, verificationMessageAsService } from './email-verification';
import { linkIdentityAsService, signInWithOAuthAsService } from './oauth-sign-in';
import { identifyBySessionCookie } from './session-identity';
import { changePasswordAsService } from './password-change';
import { passwordResetMessageAsService, resetPasswordAsService } from './password-reset';
import { cachedOwnProfile } from '@/server/auth/profile-cache';
import type { AuthCall, AuthProvider } from '@/server/auth/provider';
import { revokeOtherSessions } from '@/server/auth/session-list';
import { clearedSessionCookie, sessionCookie } from '@/server/auth/session-token';
import { SESSION_ABSOLUTE_SECONDS } from '@/server/auth/sessions';
import { said } from '@/server/i18n/error-words';
import type { Identity } from '@/server/identity';
import type { Database } from '@/db/types';
import { secondFactorRequiredAsService } from '@/server/auth/two-factor/factors';
import { signUpAsService, signUpMessageAsService } from './sign-up';

/** The session this browser has, signed in or still waiting for its second factor. */
const currentSessionId = (identity: Identity) =>
  identity.kind === 'user' ? identity.sessionId : identity.pendingSecondFactor?.sessionId;

/** A new session's answer: whether it must prove the second factor before it signs anyone in. */
const signedIn = async (db: Database, userId: string) => ({
  userId,
  secondFactorRequired: await secondFactorRequiredAsService(db, userId),
});

/**
 * The language of the mails a request causes: the signed-in person's profile
 * setting, for mails to themselves, else the request's (cookie, Accept-Language).
 */
async function mailLocale(call: AuthCall, own = false) {
  const { identity, requestHeaders } = call;
  if (!own || identity.kind !== 'user') return localeOfRequest(requestHeaders);
  // The language setting is a preference: a profile that cannot be read falls back.
  const profile = await cachedOwnProfile(
    (fn) => withRls(call.db, identity.claims, fn),
    identity.userId,
  ).catch(() => null);
  return localeOfRequest(requestHeaders, profile?.locale);
}

/** Accounts in auth.users, sessions in user_sessions, mail through our mailer. */
export const builtInAuthProvider: AuthProvider = {
  kind: 'built-in',

  identify: (request, db) => identifyBySessionCookie(request, db),

  async signUp(call, input) {
    const { db, scope } = call;
    const outcome = await signUpAsService(db, input, scope);
    const locale = await mailLocale(call);
    // Only a new account needs a link: issued after the response, so time says nothing.
    scope.background('sign-up mail', async () =>
      deliverMail(db, scope.log, await signUpMessageAsService(db, outcome, locale)),
    );
  },

  async signIn(call, input) {
    const { db, scope, identity } = call;
    const result = await signInAsService(db, input, {
      ...scope,
      // A new session replaces the one this browser had (no session fixation).
      replacesSessionId: currentSessionId(identity),
    });
    if (result.kind === 'unverified') {
      const message = await verificationMessageAsService(
        db,
        { id: result.userId, email: result.email },
        scope,
        await mailLocale(call),
      );
      await deliverMail(db, scope.log, message);
      throw new AppError('FORBIDDEN', said('auth.confirmFirstResent'));
    }
    scope.cookies.push(sessionCookie(result.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies));
    return signedIn(db, result.userId);
  },

  async signOut({ db, scope, identity }) {
    // A session still waiting for its second factor ends as well as a signed-in one.
    const session =
      identity.kind === 'user' && identity.sessionId
        ? { userId: identity.userId, sessionId: identity.sessionId }
        : identity.kind === 'anonymous'
          ? identity.pendingSecondFactor
          : undefined;
    if (session) await signOutAsService(db, session, scope);
    scope.cookies.push(clearedSessionCookie(scope.secureCookies));
  },

  confirmEmail: ({ db, scope }, input) => confirmEmailAsService(db, input.token, scope),

  async forgotPassword(call, input) {
    const { db, scope } = call;
    const locale = await mailLocale(call);
    // Looking the address up, issuing the link and mailing it all wait for the
    // response, which therefore takes as long whether or not the address has an account.
    scope.background('password reset mail', async () => {
      const message = await passwordResetMessageAsService(db, input.email, scope, locale);
      if (message) await deliverMail(db, scope.log, message);
    });
  },

  resetPassword: ({ db, scope }, input) => resetPasswordAsService(db, input, scope),

  changePassword: ({ db, scope, identity }, input) =>
    changePasswordAsService(db, identity, input, scope),

  async changeEmail(call, input) {
    const { db, scope, identity } = call;
    const locale = await mailLocale(call, true);
    const messages = await requestEmailChangeAsService(db, identity.userId, input, scope, locale);
    await deliverMail(db, scope.log, ...messages);
  },

  async requestSignInEmail(call, input) {
    const { db, scope } = call;
    const locale = await mailLocale(call);
    // As for a reset: the lookup, the token and the mail all happen after the
    // response, which therefore says nothing about whether the address has an account.
    scope.background('sign-in mail', async () => {
      const message = await signInMessageAsService(db, input.email, scope, locale);
      if (message) await deliverMail(db, scope.log, message);
    });
  },

  async signInWithEmailLink({ db, scope, identity }, input) {
    const meta = { ...scope, replacesSessionId: currentSessionId(identity) };
    const session = await signInWithEmailLinkAsService(db, input.token, meta);
    scope.cookies.push(sessionCookie(session.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies));
    return signedIn(db, session.userId);
  },

  async signInWithEmailCode({ db, scope, identity }, input) {
    const meta = { ...scope, replacesSessionId: currentSessionId(identity) };
    const session = await signInWithEmailCodeAsService(db, input, meta);
    scope.cookies.push(sessionCookie(session.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies));
    return signedIn(db, session.userId);
  },

  async signInWithOAuth({ db, scope, identity }, input) {
    const meta = { ...scope, replacesSessionId: currentSessionId(identity) };
    const outcome = await signInWithOAuthAsService(db, input.provider, input.profile, meta);
    if (outcome.kind !== 'signed-in') return outcome;
    scope.cookies.push(sessionCookie(outcome.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies));
    return { kind: 'signed-in', userId: outcome.userId, created: outcome.created };
  },

  linkOAuthIdentity: ({ db, scope, identity }, input) =>
    linkIdentityAsService(db, identity.userId, input.provider, input.profile, scope),

  signOutOthers: ({ db, scope, identity }) =>
    withRls(db, identity.claims, (tx) =>
      revokeOtherSessions(tx, identity.userId, identity.sessionId, scope),
    ),
};
