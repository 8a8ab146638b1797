import { initTRPC, type TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';

import { isDatabaseUnavailable } from '@/db/pg-error';
import { withRls } from '@/db/rls';
import type { Database, Tx } from '@/db/types';

// Features reach the pipeline only as the dependencies below (wired in
// server/pipeline-deps.ts); these two imports are the types of what it carries.
import type { AuthProvider } from './auth/provider';
import type { Billing } from './billing/stripe-client';
import {
  resolveIdentity,
  type Identifier,
  type Identity,
  type OrganizationPermission,
  type Permission,
} from './identity';
import type { Defer } from './platform/http/background';
import {
  AppError,
  isServerFault,
  platformWords,
  toPublicError,
  type Translate,
} from './platform/http/errors';
import type { NamedLimit, Tier } from './platform/infra/rate-limit/config';
import { enforceRequestLimits } from './platform/infra/rate-limit/enforce';
import { returnUrlFor } from './platform/http/request-origin';
import type { RequestScope } from './platform/http/request-scope';
import { wireFormat } from './platform/http/wire-format';

export type Transport = 'trpc' | 'rest';

export type Context = {
  scope: RequestScope;
  transport: Transport;
  identity: Identity;
  /** Runs `fn` in a transaction as the caller, so Postgres RLS applies (step 6). */
  rls: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * As `rls`, acting in one organization: its id goes into the claims (`org_id`),
   * which the policies of organization-owned tables require besides membership.
   * Callers check the membership first (organizationProcedure).
   */
  rlsIn: <T>(organizationId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * The connection itself, which RLS does not restrict. Only for work that acts for
   * no user (health probes, error intake through withServiceRole).
   */
  serviceDb: Database;
  /** Who keeps the accounts: the built-in provider or Supabase Auth. */
  auth: AuthProvider;
  /** The request's Cookie header, for the provider's session. */
  cookieHeader: string | null;
  /** The request's headers, for what depends on the browser (the language of a mail). */
  requestHeaders: Headers;
  /** Error words in the caller's language (the error formatter's). */
  translateError: Translate;
  /** Stripe (or the local emulator); a 503 when billing is not configured. */
  billing: () => Billing;
  /** An absolute URL on this app that brings this browser back (returnUrlFor). */
  returnUrl: (path: string) => string;
  /**
   * The signed-in caller's rate-limit tier: the plan of the organization an API key
   * acts in, or for a session the best plan among the user's organizations.
   */
  tierOf: (userId: string, organizationId?: string) => Promise<Tier>;
};

/**
 * What the pipeline needs from the features and the outside world. The app's are
 * wired in server/pipeline-deps.ts; tests pass their own database, provider, billing.
 */
export type PipelineDeps = {
  getDb: () => Promise<Database>;
  auth: () => Promise<AuthProvider>;
  /** The ways a request names its caller, tried in order (pipeline step 2). */
  identifiers: (auth: AuthProvider) => readonly Identifier[];
  billing: () => Billing | null;
  tierOf: (db: Database, userId: string, organizationId?: string) => Promise<Tier>;
  /** Keeps a server fault as an error report; called once per fault, not awaited. */
  reportServerError: (
    db: Database,
    error: unknown,
    where: { route: string; requestId: string },
  ) => Promise<unknown>;
  /** How work runs after the response: Next.js's `after()` unless a test passes a queue. */
  defer?: Defer;
  /** The language errors answer in, from the request (English without it). */
  errorLanguage?: (headers: Headers) => Translate;
};

/** The one context builder behind both adapters (pipeline steps 1–2). */
export async function createContext(
  request: Request,
  scope: RequestScope,
  transport: Transport,
  deps: PipelineDeps,
): Promise<Context> {
  const db = await deps.getDb();
  const auth = await deps.auth();
  const identity = await resolveIdentity(request, db, scope, deps.identifiers(auth)).catch(
    (error: unknown) => {
      // Refused before there is a context (a bad key, a cross-site write): the error
      // itself carries the caller's language to the formatter.
      if (error instanceof AppError && deps.errorLanguage) {
        error.language = deps.errorLanguage(request.headers);
      }
      throw error;
    },
  );
  if (identity.kind === 'user') {
    // Every later log line of this request says who it was for.
    scope.bindLog({
      userId: identity.userId,
      apiKeyId: identity.apiKeyId,
      impersonatorId: identity.impersonatorId,
    });
    if (identity.impersonatorId) scope.impersonatorId = identity.impersonatorId;
  }
  return buildContext({ db, identity, scope, transport, auth, request, deps });
}

export function buildContext(parts: {
  db: Database;
  identity: Identity;
  scope: RequestScope;
  transport: Transport;
  auth: AuthProvider;
  request: Request;
  deps: Pick<PipelineDeps, 'billing' | 'tierOf' | 'errorLanguage'>;
}): Context {
  const { db, identity, deps } = parts;
  return {
    scope: parts.scope,
    transport: parts.transport,
    identity,
    rls: (fn) => withRls(db, identity.claims, fn),
    rlsIn: (organizationId, fn) => withRls(db, { ...identity.claims, org_id: organizationId }, fn),
    serviceDb: db,
    auth: parts.auth,
    cookieHeader: parts.request.headers.get('cookie'),
    requestHeaders: parts.request.headers,
    // Read from the headers only when an error is formatted, not on every request.
    translateError: (words) =>
      deps.errorLanguage ? deps.errorLanguage(parts.request.headers)(words) : words.text,
    returnUrl: (path) => returnUrlFor(parts.request, path),
    tierOf: (userId, organizationId) => deps.tierOf(db, userId, organizationId),
    billing: () => {
      const configured = deps.billing();
      if (!configured) throw new AppError('UNAVAILABLE', platformWords('billingNotConfigured'));
      return configured;
    },
  };
}

/** The request as an auth provider sees it. */
export function authCall<I extends Identity>(ctx: Omit<Context, 'identity'> & { identity: I }) {
  return {
    scope: ctx.scope,
    db: ctx.serviceDb,
    identity: ctx.identity,
    cookieHeader: ctx.cookieHeader,
    requestHeaders: ctx.requestHeaders,
  };
}

/**
 * Procedure meta: OpenAPI routing, plus the REST status of a success (default 200)
 * and any other status that carries the same success body (health's 503).
 */
export type ApiMeta = OpenApiMeta & {
  successStatus?: 201 | 202;
  successBodyAlsoWith?: Record<number, string>;
  /** A stricter limit on top of the global one; `health` replaces it instead. */
  rateLimit?: NamedLimit;
  /** Set by permissionProcedure, for the OpenAPI document. */
  permission?: Permission;
  /** Set for calls a signed-in session makes and an API key may not (the document says so). */
  sessionOnly?: boolean;
  /** Set by organizationProcedure: what the caller's role in the organization must allow. */
  organizationPermission?: OrganizationPermission;
  /**
   * Set for the account's own keys to itself (password, email, passkeys, billing): an
   * admin viewing the product as the user may not use them.
   */
  notWhileImpersonating?: boolean;
};

const t = initTRPC
  .context<Context>()
  .meta<ApiMeta>()
  .create({
    // tRPC clients get Dates (and undefined, Maps…) back as they were typed; every
    // client link must name the same transformer. REST ignores it (trpc-to-openapi
    // calls procedures directly) and stays plain JSON with ISO-8601 strings.
    transformer: wireFormat,
    // Both adapters shape errors here, from the one error table.
    errorFormatter({ shape, error, ctx }) {
      const language =
        ctx?.translateError ?? (error instanceof AppError ? error.language : undefined);
      const publicError = toPublicError(error, language);
      return {
        code: shape.code,
        message: publicError.message,
        data: {
          code: publicError.code,
          httpStatus: publicError.status,
          path: shape.data.path,
          details: publicError.details,
          requestId: ctx?.scope.requestId,
        },
      };
    },
  });

export const UNMATCHED_TRPC_ROUTE = 'trpc (unmatched)';

/** Names the request after its procedure, for logs and metrics. */
const observed = t.middleware(({ ctx, path, meta, next }) => {
  const { scope } = ctx;
  if (ctx.transport === 'rest' && meta?.openapi) {
    scope.route = `${meta.openapi.method} /api/v1${meta.openapi.path}`;
    scope.status = meta.successStatus;
  } else if (ctx.transport === 'trpc') {
    scope.route = scope.route === UNMATCHED_TRPC_ROUTE ? `trpc ${path}` : 'trpc (batch)';
  }
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Pipeline step 3, per call, so every call of a batch counts. */
const rateLimited = t.middleware(async ({ ctx, meta, next }) => {
  const { identity } = ctx;
  if (meta?.notWhileImpersonating && identity.kind === 'user' && identity.impersonatorId) {
    throw new AppError('FORBIDDEN', platformWords('notWhileImpersonating'));
  }
  const organizationId = identity.kind === 'user' ? identity.organization?.id : undefined;
  await enforceRequestLimits(ctx.scope, identity, meta?.rateLimit, ({ userId }) =>
    ctx.tierOf(userId, organizationId),
  );
  return next();
});

export const publicProcedure = t.procedure.use(observed).use(rateLimited);

/** A signed-in user or an API key (the auth work fills `resolveIdentity`). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const { identity } = ctx;
  if (identity.kind === 'anonymous' && identity.pendingSecondFactor) {
    throw new AppError('SECOND_FACTOR_REQUIRED', platformWords('secondFactorRequired'));
  }
  if (identity.kind === 'anonymous') {
    throw new AppError('UNAUTHORIZED', platformWords('signInRequired'));
  }
  return next({ ctx: { identity } });
});

export function permissionProcedure(permission: Permission) {
  return authedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.identity.permissions.includes(permission)) {
      throw new AppError('FORBIDDEN', platformWords('permissionNeeded', { permission }), {
        permission,
      });
    }
    return next();
  });
}

/**
 * Called by both adapters for every failed call. Client errors are the caller's
 * business; a server fault is logged once with its details and recorded as a
 * server error report.
 */
export function reportError(
  error: TRPCError,
  scope: RequestScope,
  db: Database | undefined,
  record: PipelineDeps['reportServerError'],
) {
  if (!isServerFault(error)) return;
  const cause = error.cause ?? error;
  scope.log.error({ err: cause, route: scope.route }, 'unexpected error');
  // Recording needs the database; during an outage that only adds load to it.
  if (!db || isDatabaseUnavailable(cause)) return;
  record(db, cause, { route: scope.route, requestId: scope.requestId }).catch(
    (recordError: unknown) =>
      scope.log.error({ err: recordError }, 'could not record error report'),
  );
}
