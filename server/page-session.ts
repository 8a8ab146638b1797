import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { withRls } from '@/db/rls';
import type { Tx } from '@/db/types';

import { adminLacksSecondFactor, resolveIdentity, type Identity, type SignedIn } from './identity';
import { afterResponse } from './platform/http/after-response';
import { backgroundFor } from './platform/http/background';
import { logger } from './platform/observability/logger';
import { clientIpOf } from './platform/http/client-ip';
import type { RequestScope } from './platform/http/request-scope';
import { pipelineDeps } from './pipeline-deps';
import { createCaller } from './root';
import { buildContext } from './trpc';

const deps = pipelineDeps();

const pageRequest = (incoming: Headers) =>
  new Request('http://page.internal/', { headers: incoming });

/**
 * The identity behind a page request, from the same session cookie the API reads.
 * Cached per request, so a layout and its page resolve it once.
 */
export const getPageIdentity = cache(async (): Promise<Identity> => {
  const incoming = await headers();
  const auth = await deps.auth();
  return resolveIdentity(pageRequest(incoming), await deps.getDb(), null, deps.identifiers(auth));
});

/** Runs work under RLS as the page's caller (as `ctx.rls` does for a procedure). */
export async function pageRls() {
  const [db, identity] = await Promise.all([deps.getDb(), getPageIdentity()]);
  return <T>(fn: (tx: Tx) => Promise<T>) => withRls(db, identity.claims, fn);
}

/** For protected pages: the signed-in user, or a redirect to sign-in and back. */
export async function requireUser(returnTo: string): Promise<SignedIn> {
  const identity = await getPageIdentity();
  if (identity.kind === 'user') return identity;
  // Signed in but for the code (a password, a mailed link, GitHub or Google): the code step.
  const step = identity.pendingSecondFactor ? '/sign-in/two-factor' : '/sign-in';
  redirect(`${step}?next=${encodeURIComponent(returnTo)}`);
}

/** A tRPC caller for server components: the same procedures, the same pipeline. */
export async function pageCaller() {
  const incoming = await headers();
  const scope: RequestScope = {
    requestId: incoming.get('x-request-id') ?? crypto.randomUUID(),
    log: logger,
    bindLog: () => {},
    method: 'GET',
    path: 'page',
    route: 'page',
    clientIp: clientIpOf(incoming),
    userAgent: incoming.get('user-agent'),
    cookies: [],
    secureCookies: true,
    background: backgroundFor(afterResponse, () => logger),
  };
  return createCaller(
    buildContext({
      db: await deps.getDb(),
      identity: await getPageIdentity(),
      scope,
      transport: 'trpc',
      auth: await deps.auth(),
      request: pageRequest(incoming),
      deps,
    }),
  );
}

/** For admin pages: an admin, else a redirect (sign-in, or the dashboard for non-admins). */
export async function requireAdmin(returnTo: string): Promise<SignedIn> {
  const user = await requireUser(returnTo);
  if (!user.permissions.includes('admin')) redirect('/dashboard?forbidden=admin');
  // ADMIN_REQUIRE_2FA: the profile says why, and is where two-factor is turned on.
  if (adminLacksSecondFactor(user)) redirect('/dashboard/profile?required=two-factor');
  return user;
}
