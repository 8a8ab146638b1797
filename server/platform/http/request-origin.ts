import { appUrl } from './app-url';
import { env } from '@/env';
import { isLocal } from '@/server/platform/runtime/stand-ins';

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/**
 * Whether the session cookie must be Secure (and `__Host-`). A deployed app always
 * says yes: behind a proxy that forgets X-Forwarded-Proto, Next fills in "http", and
 * a plain cookie there could be overwritten from a sibling subdomain. A local app
 * asks how the browser reached it (Next fills x-forwarded-proto from the socket
 * unless a proxy in front did), so plain http at 127.0.0.1 or a LAN address works.
 */
export function servedOverHttps(request: Request): boolean {
  if (!isLocal() || env.APP_URL?.startsWith('https:')) return true;
  const forwarded = first(request.headers.get('x-forwarded-proto'));
  if (forwarded) return forwarded === 'https';
  return new URL(request.url).protocol === 'https:';
}

/**
 * The hosts this request may legitimately come from: the Host the browser used, the
 * host a proxy in front says the browser used, and APP_URL's. Under `npm start`
 * request.url carries the bind address (0.0.0.0), which no browser ever uses.
 */
function hostsOf(request: Request): Set<string> {
  const hosts = new Set<string>();
  for (const header of ['host', 'x-forwarded-host']) {
    const host = first(request.headers.get(header));
    if (host) hosts.add(host.toLowerCase());
  }
  if (env.APP_URL) hosts.add(new URL(env.APP_URL).host);
  if (hosts.size === 0) hosts.add(new URL(request.url).host);
  return hosts;
}

/**
 * Whether a request's Origin header names this app. A page on another site cannot
 * set Host or X-Forwarded-Host on a request it makes (only a CORS preflight, which
 * we never grant, would allow such a header), so comparing against them is safe.
 */
export function isSameOrigin(request: Request, origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
  return hostsOf(request).has(host);
}

const HOST = /^(?:[\w.-]+|\[[\da-f:]+\])(?::\d{1,5})?$/i;

/**
 * Where a third party (Stripe's checkout and portal) sends this browser back. With
 * APP_URL, or deployed, that address; on a local app without it, the address this
 * browser used (127.0.0.1, a LAN address), where its session cookie lives. Emailed
 * links never come from here: they always use APP_URL (see app-url.ts).
 */
export function returnUrlFor(request: Request, path: string): string {
  if (env.APP_URL || !isLocal()) return appUrl(path);
  const host = first(request.headers.get('x-forwarded-host')) ?? first(request.headers.get('host'));
  if (!host || !HOST.test(host)) return appUrl(path);
  return new URL(path, `${servedOverHttps(request) ? 'https' : 'http'}://${host}`).toString();
}
