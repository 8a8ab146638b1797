// Plain JavaScript: server.mjs imports this before any TypeScript is loaded.

/**
 * Where a request whose path cannot be percent-decoded is sent instead. Next.js
 * decodes the path in its router, before any of our code runs, and answers a bare
 * 500 when that throws (`/api/v1/%ff`, `/%ED%A0%80`); under this route the request
 * goes through our pipeline and gets a 400, the headers and a log line.
 */
export const MALFORMED_PATH_ROUTE = '/api/malformed-path';

/** Whether the path part of a request target fails to percent-decode. */
export function hasMalformedPath(target) {
  const path = target.split('?', 1)[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Points a Node request with a malformed path at MALFORMED_PATH_ROUTE, keeping the
 * original path (re-encoded, so it decodes) in `path` for the log line. Returns
 * whether it did.
 */
export function rewriteMalformedPath(request) {
  const target = request.url ?? '/';
  if (!hasMalformedPath(target)) return false;
  const path = target.split('?', 1)[0];
  request.url = `${MALFORMED_PATH_ROUTE}?path=${encodeURIComponent(path)}`;
  return true;
}
