import { env } from './env';

/**
 * The client's address, from a source that cannot be forged: the configured
 * trusted proxy header, Vercel's own header on Vercel, or the socket address that
 * server.mjs passes under a header name chosen at random per process. A
 * client-supplied x-forwarded-for is never believed unless configured.
 */
export function clientIpOf(
  headers: Headers,
  header = env.TRUSTED_IP_HEADER ?? (env.VERCEL ? 'x-real-ip' : env.SOCKET_IP_HEADER),
): string | null {
  const value = header ? headers.get(header) : null;
  if (!value) return null;
  const hops = value
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Proxies append to x-forwarded-for: the entry our own proxy added is the last.
  return (header === 'x-forwarded-for' ? hops.at(-1) : hops[0]) ?? null;
}
