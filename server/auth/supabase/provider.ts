import type { AuthError } from '@supabase/supabase-js';
import { eq } from 'drizzle-orm';

import { withRls, withServiceRole } from '@/db/rls';
import { profiles } from '@/db/schema/auth';
import { revokeAllApiKeysOf } from '@/server/api-keys/service';
import { recordAuditEvent, type AuditEvent } from '@/server/audit/record-event';
import { ANONYMOUS, ROLE_PERMISSIONS, type Identity } from '@/server/identity';
import { appUrl } from '@/server/platform/http/app-url';
import { AppError } from '@/server/platform/http/errors';
import type { RequestScope } from '@/server/platform/http/request-scope';
import { said } from '@/server/i18n/error-words';

import { assertPasswordAllowed, wrongCurrentPassword } from '../password';
import type { AuthCall, AuthProvider } from '../provider';
import { onUserChanged } from '../user-changed';

import { supabaseForRequest } from './client';
import type { SupabaseAuthConfig } from './config';
import { verifiedSupabaseClaims } from './verify-token';

/**
 * Supabase Auth's refusal as our error: the expected ones as given, a weak password
 * against its field, throttling as 429, other refusals as 400; only its own faults
 * and unreachability are a 502.
 */
function refusal(
  error: AuthError,
  expected: Record<string, AppError>,
  passwordField = 'password',
): AppError {
  const known = error.code ? expected[error.code] : undefined;
  if (known) return known;
  if (error.code === 'weak_password') {
    return new AppError('VALIDATION_FAILED', `Invalid input: ${passwordField} ${error.message}`, {
      fields: [{ path: passwordField, message: error.message }],
    });
  }
  if (error.status === 429) {
    return new AppError('RATE_LIMITED', said('auth.providerRateLimited'));
  }
  if (error.status && error.status >= 400 && error.status < 500) {
    return new AppError('BAD_REQUEST', said('auth.providerRefused'));
  }
  return new AppError('BAD_GATEWAY', said('auth.providerFailed'));
}

/**
 * Refusals that would tell a caller whether an address has an account (it exists;
 * Supabase's mail throttle, which only registered addresses reach). They are
 * logged and answered like success.
 */
const REVEALING = new Set([
  'email_exists',
  'user_already_exists',
  'user_not_found',
  'over_email_send_rate_limit',
]);

function throwUnlessRevealing(error: AuthError | null, call: AuthCall) {
  if (!error) return;
  if (error.code && REVEALING.has(error.code)) {
    call.scope.log.info({ code: error.code }, 'Supabase Auth refusal answered as success');
    return;
  }
  throw refusal(error, {});
}

/**
 * Supabase Auth through @supabase/ssr: Supabase keeps the accounts, sessions and
 * mail; we verify its tokens locally and keep profiles, roles and the audit trail.
 */
export function supabaseAuthProvider(config: SupabaseAuthConfig): AuthProvider {
  const clientFor = (
    scope: Pick<RequestScope, 'cookies' | 'secureCookies'> & { cookieHeader: string | null },
  ) => supabaseForRequest(config, scope, (cookie) => scope.cookies.push(cookie));
  const client = (call: AuthCall) => clientFor({ ...call.scope, cookieHeader: call.cookieHeader });

  const audit = (call: AuthCall, event: AuditEvent) =>
    withServiceRole(call.db, (tx) => recordAuditEvent(tx, event, call.scope));

  return {
    kind: 'supabase',

    async identify(request, db, scope) {
      // Without a scope (page rendering) nothing can be written back: the proxy has
      // refreshed the session already, so here it is only read.
      const supabase = clientFor({
        cookies: scope?.cookies ?? [],
        secureCookies: scope?.secureCookies ?? true,
        cookieHeader: request.headers.get('cookie'),
      });
      const claims = await verifiedSupabaseClaims(supabase, config);
      if (!claims?.sub) return ANONYMOUS;
      const [profile] = await withRls(db, claims, (tx) =>
        tx.select({ role: profiles.role }).from(profiles).where(eq(profiles.id, claims.sub!)),
      );
      if (!profile) return ANONYMOUS;
      const identity: Identity = {
        kind: 'user',
        userId: claims.sub,
        sessionId: claims.session_id,
        claims,
        permissions: ROLE_PERMISSIONS[profile.role],
      };
      return identity;
    },

    async signUp(call, input) {
      assertPasswordAllowed(input.password, 'password');
      // Supabase answers alike whether or not the address has an account.
      const { error } = await client(call).auth.signUp({
        email: input.email,
        password: input.password,
        options: {
          emailRedirectTo: appUrl('/verify-email'),
          data: { display_name: input.displayName ?? null },
        },
      });
      throwUnlessRevealing(error, call);
    },

    async signIn(call, input) {
      const { data, error } = await client(call).auth.signInWithPassword(input);
      if (error) {
        throw refusal(error, {
          invalid_credentials: new AppError('UNAUTHORIZED', said('auth.signInFailed')),
          email_not_confirmed: new AppError('FORBIDDEN', said('auth.confirmFirst')),
        });
      }
      const userId = data.user.id;
      await audit(call, {
        actorId: userId,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: userId,
      });
      return { userId };
    },

    async signOut(call) {
      await client(call).auth.signOut({ scope: 'local' });
      if (call.identity.kind === 'user') {
        await audit(call, {
          actorId: call.identity.userId,
          action: 'auth.sign_out',
          resourceType: 'session',
          resourceId: call.identity.sessionId,
        });
      }
    },

    async confirmEmail(call, input) {
      const type = input.type ?? 'email';
      const supabase = client(call);
      const { error } = await supabase.auth.verifyOtp({ token_hash: input.token, type });
      if (error)
        throw refusal(error, { otp_expired: new AppError('NOT_FOUND', said('auth.linkInvalid')) });
      // Opening a link confirms an address; it does not sign whoever opened it in
      // (else a link of the attacker's own account would sign a victim into it).
      await supabase.auth.signOut({ scope: 'local' });
      return { emailChanged: type === 'email_change' };
    },

    async forgotPassword(call, input) {
      const supabase = client(call);
      // Supabase answers an unknown address sooner than one it mails: asked after the
      // response, which therefore takes as long either way. A failure is logged.
      call.scope.background('password reset mail', async () => {
        const { error } = await supabase.auth.resetPasswordForEmail(input.email, {
          redirectTo: appUrl('/reset-password'),
        });
        throwUnlessRevealing(error, call);
      });
    },

    async resetPassword(call, input) {
      assertPasswordAllowed(input.newPassword, 'newPassword');
      const supabase = client(call);
      const { data, error } = await supabase.auth.verifyOtp({
        token_hash: input.token,
        type: 'recovery',
      });
      if (error || !data.user) {
        throw error
          ? refusal(error, { otp_expired: new AppError('NOT_FOUND', said('auth.linkInvalid')) })
          : new AppError('NOT_FOUND', said('auth.linkInvalid'));
      }
      // The keys are ours, not Supabase's. Revoked (if asked) before the password
      // changes: should anything after this fail, they are gone as the user asked,
      // never left working behind a password that did change.
      const userId = data.user.id;
      const keysRevoked = input.revokeApiKeys
        ? await withServiceRole(call.db, (tx) =>
            revokeAllApiKeysOf(tx, userId, 'password reset', call.scope),
          )
        : 0;
      if (keysRevoked > 0) await onUserChanged(userId);
      const updated = await supabase.auth.updateUser({ password: input.newPassword });
      // As with the built-in provider: every session ends, this one included; and if
      // the update failed, the session the link opened must not stay in the browser.
      const ended = await supabase.auth.signOut({ scope: updated.error ? 'local' : 'global' });
      if (updated.error) throw refusal(updated.error, {}, 'newPassword');
      if (ended.error) throw refusal(ended.error, {});
      await withServiceRole(call.db, (tx) =>
        recordAuditEvent(
          tx,
          {
            actorId: userId,
            action: 'auth.password_reset',
            resourceType: 'user',
            resourceId: userId,
            details: { revokeApiKeys: input.revokeApiKeys, keysRevoked },
          },
          call.scope,
        ),
      );
    },

    async changePassword(call, input) {
      assertPasswordAllowed(input.newPassword, 'newPassword');
      await assertSupabasePassword(config, call, input.currentPassword);
      const supabase = client(call);
      const { error } = await supabase.auth.updateUser({ password: input.newPassword });
      if (error) throw refusal(error, {}, 'newPassword');
      const ended = await supabase.auth.signOut({ scope: 'others' });
      if (ended.error) throw refusal(ended.error, {});
      await audit(call, {
        actorId: call.identity.userId,
        action: 'auth.password_changed',
        resourceType: 'user',
        resourceId: call.identity.userId,
      });
    },

    async changeEmail(call, input) {
      await assertSupabasePassword(config, call, input.currentPassword);
      const { error } = await client(call).auth.updateUser(
        { email: input.newEmail },
        { emailRedirectTo: appUrl('/verify-email') },
      );
      throwUnlessRevealing(error, call);
      await audit(call, {
        actorId: call.identity.userId,
        action: 'auth.email_change_requested',
        resourceType: 'user',
        resourceId: call.identity.userId,
      });
    },

    async requestSignInEmail(call, input) {
      const supabase = client(call);
      // As for a reset, Supabase is asked after the response, so its time says nothing.
      call.scope.background('sign-in mail', async () => {
        // No new accounts from here: passwordless sign-in is for existing ones. Whether
        // the mail holds a link, a code or both is Supabase's Magic Link template (README).
        const { error } = await supabase.auth.signInWithOtp({
          email: input.email,
          options: { shouldCreateUser: false, emailRedirectTo: appUrl('/sign-in/email') },
        });
        // With shouldCreateUser off, an unknown address is refused as 'otp_disabled':
        // that tells who is registered, so it is only logged, like the others.
        if (error?.code === 'otp_disabled') {
          call.scope.log.info({ code: error.code }, 'Supabase Auth refusal answered as success');
          return;
        }
        throwUnlessRevealing(error, call);
      });
    },

    async signInWithEmailLink(call, input) {
      const { data, error } = await client(call).auth.verifyOtp({
        token_hash: input.token,
        type: input.type ?? 'email',
      });
      if (error || !data.user) {
        throw error
          ? refusal(error, { otp_expired: new AppError('NOT_FOUND', said('auth.linkInvalid')) })
          : new AppError('NOT_FOUND', said('auth.linkInvalid'));
      }
      // Supabase keeps how the session was proven in its token (amr), not in our tables.
      await audit(call, {
        actorId: data.user.id,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: data.user.id,
        details: { method: 'email-link' },
      });
      return { userId: data.user.id };
    },

    async signInWithEmailCode(call, input) {
      const { data, error } = await client(call).auth.verifyOtp({
        email: input.email,
        token: input.code,
        type: 'email',
      });
      if (error || !data.user) {
        throw error
          ? refusal(error, { otp_expired: new AppError('UNAUTHORIZED', said('auth.codeInvalid')) })
          : new AppError('UNAUTHORIZED', said('auth.codeInvalid'));
      }
      await audit(call, {
        actorId: data.user.id,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: data.user.id,
        details: { method: 'email-code' },
      });
      return { userId: data.user.id };
    },

    async signOutOthers(call) {
      const { error } = await client(call).auth.signOut({ scope: 'others' });
      if (error) throw refusal(error, {});
      // Supabase does not say how many sessions ended.
      return null;
    },
  };
}

/**
 * Supabase Auth has no "check this password" call: a sign-in on a throwaway
 * client (whose cookies go nowhere) checks it, and that session is ended again.
 */
async function assertSupabasePassword(
  config: SupabaseAuthConfig,
  call: AuthCall & { identity: { claims: { email?: string } } },
  password: string,
) {
  const email = call.identity.claims.email;
  const probe = supabaseForRequest(
    config,
    { cookieHeader: null, secureCookies: call.scope.secureCookies },
    () => {},
  );
  const { error } = email
    ? await probe.auth.signInWithPassword({ email, password })
    : { error: null };
  if (!email || error) {
    throw wrongCurrentPassword();
  }
  await probe.auth.signOut({ scope: 'local' });
}
