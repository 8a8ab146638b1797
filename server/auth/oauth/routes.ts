import { CodeChallengeMethod, generateCodeVerifier, generateState } from 'arctic';

import { withServiceRole } from '@/db/rls';
import { OAUTH_PROVIDERS, type OAuthProviderId } from '@/db/schema/auth';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { enforceRequestLimits } from '@/server/platform/infra/rate-limit/enforce';
import { returnUrlFor } from '@/server/platform/http/request-origin';
import { runApiRequest, type RequestScope } from '@/server/platform/http/request-scope';
import { authCall, createContext, type PipelineDeps } from '@/server/trpc';

import { clearedFlowCookie, flowCookie, flowFrom, safeNextPath, sameState } from './flow-cookie';
import { configuredOAuthProviders, ownOAuthClient } from './providers';
import type { OAuthRefusal } from './outcome';

const PROFILE_PAGE = '/dashboard/profile';

/** Why the flow ended without a session; the page shows the matching message. */
type FlowError =
  OAuthRefusal | 'cancelled' | 'invalidState' | 'rateLimited' | 'unavailable' | 'notWhileViewing';

const redirect = (scope: RequestScope, location: string) => {
  scope.status = 302;
  return new Response(null, { status: 302, headers: { Location: location } });
};

const backWithError = (scope: RequestScope, linking: boolean, error: FlowError) =>
  redirect(scope, `${linking ? PROFILE_PAGE : '/sign-in'}?oauth_error=${error}`);

const providerIn = (request: Request): OAuthProviderId | null => {
  const name = new URL(request.url).pathname.split('/')[3];
  return (OAUTH_PROVIDERS as readonly string[]).includes(name ?? '')
    ? (name as OAuthProviderId)
    : null;
};

/** A refused callback leaves its trace even though nobody is known yet. */
const auditFailure = (
  db: Database,
  provider: OAuthProviderId,
  actorId: string | null,
  reason: string,
  audit: AuditContext,
) =>
  withServiceRole(db, (tx) =>
    recordAuditEvent(
      tx,
      {
        actorId,
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: actorId ?? undefined,
        success: false,
        details: { method: 'oauth', provider, reason },
      },
      audit,
    ),
  );

/**
 * The two route handlers of the OAuth flow, through the same pipeline as every API
 * request: request id and log (runApiRequest), the caller's identity (createContext),
 * the `oauth` rate limit per address; then a redirect, never a JSON body.
 */
export function createOAuthHandlers(pipeline: PipelineDeps) {
  /** Pipeline steps 2 and 3; a refusal by the rate limit is a redirect with its message. */
  const begin = async (request: Request, scope: RequestScope, linking: boolean) => {
    const context = await createContext(request, scope, 'rest', pipeline);
    try {
      await enforceRequestLimits(scope, context.identity, 'oauth', ({ userId }) =>
        context.tierOf(userId),
      );
    } catch (error) {
      if (error instanceof AppError && error.appCode === 'RATE_LIMITED') {
        return backWithError(scope, linking, 'rateLimited');
      }
      throw error;
    }
    return context;
  };

  /** GET /auth/oauth/<provider>/start?next=/path (or ?link=1 from the profile page). */
  const start = (incoming: Request) =>
    runApiRequest(incoming, 'GET /auth/oauth/[provider]/start', async (request, scope) => {
      const params = new URL(request.url).searchParams;
      const linking = params.get('link') === '1';
      const id = providerIn(request);
      if (!id || !configuredOAuthProviders().includes(id)) {
        return backWithError(scope, linking, 'unavailable');
      }
      const context = await begin(request, scope, linking);
      if (context instanceof Response) return context;
      const { identity, auth } = context;
      const redirectUri = returnUrlFor(request, `/auth/oauth/${id}/callback`);
      const provider = ownOAuthClient(id);
      // Supabase Auth runs the flow itself (and links identities by its own rules).
      if (!provider) {
        if (linking || !auth.startOAuth) return backWithError(scope, linking, 'unavailable');
        const url = await auth.startOAuth(authCall(context), {
          provider: id,
          redirectTo: redirectUri,
        });
        const next = safeNextPath(params.get('next'));
        const flow = { provider: id, state: generateState(), verifier: generateCodeVerifier() };
        scope.cookies.push(flowCookie({ ...flow, next, linkFor: null }, scope.secureCookies));
        return redirect(scope, url);
      }
      if (!auth.signInWithOAuth) return backWithError(scope, linking, 'unavailable');
      // Linking adds a way into the account: only its signed-in browser may start it,
      // never an admin viewing as the user (the identity would outlast the view).
      if (linking && identity.kind === 'user' && identity.impersonatorId) {
        return backWithError(scope, true, 'notWhileViewing');
      }
      const linkFor =
        linking && identity.kind === 'user' && identity.sessionId ? identity.userId : null;
      if (linking && !linkFor) return redirect(scope, `/sign-in?next=${PROFILE_PAGE}`);
      const state = generateState();
      const verifier = generateCodeVerifier();
      const url = provider
        .client(redirectUri)
        .createAuthorizationURLWithPKCE(
          provider.authorizationEndpoint,
          state,
          CodeChallengeMethod.S256,
          verifier,
          provider.scopes,
        );
      const next = linkFor ? PROFILE_PAGE : safeNextPath(params.get('next'));
      scope.cookies.push(
        flowCookie({ provider: id, state, verifier, next, linkFor }, scope.secureCookies),
      );
      return redirect(scope, url.toString());
    });

  /** GET /auth/oauth/<provider>/callback?code&state: back from the provider. */
  const callback = (incoming: Request) =>
    runApiRequest(incoming, 'GET /auth/oauth/[provider]/callback', async (request, scope) => {
      const params = new URL(request.url).searchParams;
      const flow = flowFrom(request.headers.get('cookie'), scope.secureCookies);
      // Whatever happens next, the flow's cookie is spent.
      scope.cookies.push(clearedFlowCookie(scope.secureCookies));
      const linking = Boolean(flow?.linkFor);
      const id = providerIn(request);
      if (!id || !configuredOAuthProviders().includes(id)) {
        return backWithError(scope, linking, 'unavailable');
      }
      const context = await begin(request, scope, linking);
      if (context instanceof Response) return context;
      const { identity, auth } = context;
      const db = context.serviceDb;
      const fail = async (reason: string, error: FlowError) => {
        await auditFailure(db, id, flow?.linkFor ?? null, reason, scope);
        return backWithError(scope, linking, error);
      };
      // The provider's error code, bounded: the query is anyone's to write.
      const providerError = params.get('error')?.slice(0, 64);
      if (providerError) return fail(`provider said ${providerError}`, 'cancelled');
      if (!flow || flow.provider !== id)
        return fail('no flow cookie (verifier missing)', 'invalidState');
      const provider = ownOAuthClient(id);
      if (!provider) {
        // Supabase's callback carries no state of ours: its PKCE verifier cookie binds
        // the code to this browser, and our flow cookie shows this browser started it.
        const code = params.get('code');
        if (!code || !auth.finishOAuth) return fail('no code', 'invalidState');
        const signedIn = await auth.finishOAuth(authCall(context), { provider: id, code });
        return signedIn
          ? redirect(scope, safeNextPath(flow.next))
          : backWithError(scope, false, 'failed');
      }
      if (!auth.signInWithOAuth || !auth.linkOAuthIdentity) {
        return backWithError(scope, linking, 'unavailable');
      }
      if (!sameState(flow.state, params.get('state')))
        return fail('state mismatch', 'invalidState');
      const code = params.get('code');
      if (!code) return fail('no code', 'invalidState');
      let profile;
      try {
        const redirectUri = returnUrlFor(request, `/auth/oauth/${id}/callback`);
        const tokens = await provider
          .client(redirectUri)
          .validateAuthorizationCode(provider.tokenEndpoint, code, flow.verifier);
        profile = await provider.profile(tokens.accessToken());
      } catch (error) {
        scope.log.warn({ err: error, provider: id }, 'OAuth code exchange or profile failed');
        return fail('code or profile refused by the provider', 'failed');
      }
      if (flow.linkFor) {
        // The browser that started linking must still be that account's, and its own.
        if (identity.kind !== 'user' || identity.userId !== flow.linkFor) {
          return fail('linking browser no longer signed in as its account', 'invalidState');
        }
        if (identity.impersonatorId) return fail('linking during a view', 'notWhileViewing');
        const linked = await auth.linkOAuthIdentity!(authCall({ ...context, identity }), {
          provider: id,
          profile,
        });
        if (linked.kind === 'refused') return backWithError(scope, true, linked.reason);
        return redirect(scope, `${PROFILE_PAGE}?linked=${id}`);
      }
      // The provider sets the session cookie (and ends this browser's previous session).
      const outcome = await auth.signInWithOAuth!(authCall(context), { provider: id, profile });
      if (outcome.kind !== 'signed-in') {
        return backWithError(scope, false, outcome.kind === 'refused' ? outcome.reason : 'failed');
      }
      return redirect(scope, safeNextPath(flow.next));
    });

  return { start, callback };
}
