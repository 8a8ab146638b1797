/**
 * Security headers, following the OWASP Secure Headers Project. Static ones go on
 * every response through next.config.ts (and server.mjs, for Next's own redirects);
 * the page CSP needs a fresh nonce per request and is built in proxy.ts.
 */
export { STATIC_SECURITY_HEADERS } from './static-security-headers.mjs';

/** API responses are data, never documents: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * sonner (the toasts) adds its stylesheet as a <style> element at runtime, with no way
 * to give it a nonce: the policy allows exactly that stylesheet by its hash. It adds
 * the element empty, then its text, and the browser checks both: the empty sheet's
 * hash is allowed too (an empty sheet styles nothing; any later text is checked
 * again). The test beside this file recomputes the hash from the installed sonner,
 * so an upgrade that changes the stylesheet fails there rather than unstyling toasts.
 */
export const TOAST_STYLESHEET_HASHES =
  "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function pageContentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; https: boolean },
) {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce-bearing Next.js bootstrap load its chunks;
    // dev mode needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // Dev mode injects <style> elements without a nonce (hot reload), and a nonce in
    // the list would make browsers ignore 'unsafe-inline': so there, no nonce.
    options.dev
      ? "style-src 'self' 'unsafe-inline'"
      : `style-src 'self' 'nonce-${nonce}' ${TOAST_STYLESHEET_HASHES}`,
    // Style attributes (charts, React's style={}) cannot run script, and a nonce
    // cannot cover them: allow them, while <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's request id when it is well-formed, so traces join up; else a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
}
