import { withRls } from '@/db/rls';
import { deliverMail } from '@/server/mail/mailer';
import { AppError } from '@/server/platform/http/errors';

import { signInAsService, signOutAsService } from './accounts';
import { requestEmailChangeAsService } from './email-change';
import { confirmEmailAsService, verificationMessageAsService } from './email-verification';
import { identifyBySessionCookie } from './session-identity';
import { changePasswordAsService } from './password-change';
import { passwordResetMessageAsService, resetPasswordAsService } from './password-reset';
import type { AuthProvider } from '@/server/auth/provider';
import { revokeOtherSessions } from '@/server/auth/session-list';
import { clearedSessionCookie, sessionCookie } from '@/server/auth/session-token';
import { SESSION_ABSOLUTE_SECONDS } from '@/server/auth/sessions';
import { signUpAsService, signUpMessageAsService } from './sign-up';

const currentSessionId = (identity: { kind: string; sessionId?: string }) =>
  identity.kind === 'user' ? identity.sessionId : undefined;

/** Accounts in auth.users, sessions in user_sessions, mail through our mailer. */
export const builtInAuthProvider: AuthProvider = {
  kind: 'built-in',

  identify: (request, db) => identifyBySessionCookie(request, db),

  async signUp({ db, scope }, input) {
    const outcome = await signUpAsService(db, input, scope);
    // Only a new account needs a link: issued after the response, so time says nothing.
    scope.background('sign-up mail', async () =>
      deliverMail(db, scope.log, await signUpMessageAsService(db, outcome)),
    );
  },

  async signIn({ db, scope, identity }, input) {
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
      );
      await deliverMail(db, scope.log, message);
      throw new AppError(
        'FORBIDDEN',
        'Confirm your email address first: we have sent you a new link.',
      );
    }
    scope.cookies.push(sessionCookie(result.token, SESSION_ABSOLUTE_SECONDS, scope.secureCookies));
    return { userId: result.userId };
  },

  async signOut({ db, scope, identity }) {
    if (identity.kind === 'user' && identity.sessionId) {
      await signOutAsService(db, { userId: identity.userId, sessionId: identity.sessionId }, scope);
    }
    scope.cookies.push(clearedSessionCookie(scope.secureCookies));
  },

  confirmEmail: ({ db, scope }, input) => confirmEmailAsService(db, input.token, scope),

  async forgotPassword({ db, scope }, input) {
    // Looking the address up, issuing the link and mailing it all wait for the
    // response, which therefore takes as long whether or not the address has an account.
    scope.background('password reset mail', async () => {
      const message = await passwordResetMessageAsService(db, input.email, scope);
      if (message) await deliverMail(db, scope.log, message);
    });
  },

  resetPassword: ({ db, scope }, input) => resetPasswordAsService(db, input, scope),

  changePassword: ({ db, scope, identity }, input) =>
    changePasswordAsService(db, identity, input, scope),

  async changeEmail({ db, scope, identity }, input) {
    const messages = await requestEmailChangeAsService(db, identity.userId, input, scope);
    await deliverMail(db, scope.log, ...messages);
  },

  signOutOthers: ({ db, scope, identity }) =>
    withRls(db, identity.claims, (tx) =>
      revokeOtherSessions(tx, identity.userId, identity.sessionId, scope),
    ),
};
