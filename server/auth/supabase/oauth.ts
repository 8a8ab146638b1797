import type { OAuthProviderId } from '@/db/schema/auth';
import type { AuditEvent } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import type { AuthCall } from '@/server/auth/provider';

import type { SupabaseForRequest } from './client';

/**
 * Sign-in with GitHub or Google where Supabase Auth keeps the accounts: Supabase
 * runs the provider's side (its dashboard holds each provider's app), PKCE included.
 * @supabase/ssr keeps the code verifier in an httpOnly cookie of its own; the
 * callback exchanges the code with it, so a code injected into another browser has
 * no verifier there and signs nobody in. Which addresses may join which account is
 * Supabase's rule (it links an identity to an account only on a verified address).
 */
export function supabaseOAuth(
  client: (call: AuthCall) => SupabaseForRequest,
  audit: (call: AuthCall, event: AuditEvent) => Promise<unknown>,
) {
  return {
    async startOAuth(call: AuthCall, input: { provider: OAuthProviderId; redirectTo: string }) {
      const { data, error } = await client(call).auth.signInWithOAuth({
        provider: input.provider,
        options: { redirectTo: input.redirectTo, skipBrowserRedirect: true },
      });
      if (error || !data.url) throw new AppError('UNAVAILABLE', said('auth.providerFailed'), {});
      return data.url;
    },

    async finishOAuth(call: AuthCall, input: { provider: OAuthProviderId; code: string }) {
      const { data, error } = await client(call).auth.exchangeCodeForSession(input.code);
      if (error || !data.user) {
        await audit(call, {
          actorId: null,
          action: 'auth.sign_in',
          resourceType: 'user',
          success: false,
          details: { method: 'oauth', provider: input.provider, reason: error?.code ?? 'no user' },
        });
        return null;
      }
      await audit(call, {
        actorId: data.user.id,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: data.user.id,
        details: { method: 'oauth', provider: input.provider },
      });
      return { userId: data.user.id };
    },
  };
}
