import { BlockList, isIP } from 'node:net';

import { env } from '@/env';

/**
 * One canonical form per client: IPv4-mapped IPv6 becomes IPv4, and IPv6 counts by
 * its /64 (what one subscriber typically holds, so rotating addresses within it
 * does not buy more requests). Anything that is not an address is ignored.
 */
export function normalizeIp(raw: string): string | null {
  const address = raw.trim().replace(/^\[|\]$/g, '');
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

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
  const hop = header === 'x-forwarded-for' ? hops.at(-1) : hops[0];
  return hop ? normalizeIp(hop) : null;
}

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');

/**
 * Whether a client address (as clientIpOf gives it) is this machine or its local
 * network: loopback, RFC 1918, link-local, IPv6 unique-local. A stand-in that shows
 * other people's mail answers only such clients.
 */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return PRIVATE.check(ip, 'ipv4');
  const prefix = ip.match(/^(.*)::\/64$/)?.[1];
  if (!prefix) return false;
  // ::1 arrives as its /64, 0:0:0:0::/64, which holds nothing else in use.
  if (prefix === '0:0:0:0') return true;
  return PRIVATE.check(`${prefix}::`, 'ipv6');
}
