import { NextResponse, type NextRequest } from 'next/server';

import { refreshSupabaseSession } from '@/server/auth/supabase/refresh-session';
import { pageContentSecurityPolicy, requestIdFrom } from '@/server/platform/http/security-headers';

// A mail's HTML in the dev mailbox (app/(site)/dev/mailbox/[id]/html) carries a policy of
// its own (no script, framed by the mailbox): the page policy would replace it.
const OWN_POLICY = /^\/dev\/mailbox\/[^/]+\/html$/;

/**
 * Pages only (API routes set their own headers in the request pipeline): a fresh
 * CSP nonce per request, which Next.js reads from the forwarded request header and
 * puts on its own scripts, and the request id; under Supabase Auth, a session
 * refresh the page could not write itself.
 */
export async function proxy(request: NextRequest) {
  if (OWN_POLICY.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageContentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  });
  const requestId = requestIdFrom(request.headers);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('Content-Security-Policy', csp);
  const sessionCookies = await refreshSupabaseSession(request, requestHeaders);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const cookie of sessionCookies) response.headers.append('Set-Cookie', cookie);
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      // Prefetches render no new document; they need no nonce.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
