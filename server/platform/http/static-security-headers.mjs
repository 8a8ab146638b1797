// Plain JavaScript: server.mjs sets these before Next.js runs (its own redirects,
// such as the trailing-slash one, get no headers from next.config.ts), and
// next.config.ts sets them on everything else.

/** Security headers every response carries, after the OWASP Secure Headers Project. */
export const STATIC_SECURITY_HEADERS = {
  // Two years, as required for the HSTS preload list.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // OWASP now advises 0: the legacy XSS auditor could itself be abused to leak
  // data, and modern browsers removed it. The CSP is the real protection.
  'X-XSS-Protection': '0',
};
