import { describe, expect, it } from 'vitest';

import { clientIpOf, isPrivateAddress, normalizeIp } from './client-ip';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('clientIpOf', () => {
  it('ignores a client-supplied x-forwarded-for unless it is the configured header', () => {
    expect(clientIpOf(headers({ 'x-forwarded-for': '6.6.6.6' }), 'x-real-ip')).toBeNull();
    expect(clientIpOf(headers({ 'x-forwarded-for': '6.6.6.6' }), undefined)).toBeNull();
  });

  it('reads the trusted header, taking the hop our proxy appended to x-forwarded-for', () => {
    expect(clientIpOf(headers({ 'x-real-ip': '203.0.113.7' }), 'x-real-ip')).toBe('203.0.113.7');
    expect(
      clientIpOf(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), 'x-forwarded-for'),
    ).toBe('203.0.113.7');
  });

  it('normalises addresses: mapped IPv4, IPv6 by /64, garbage ignored', () => {
    expect(normalizeIp('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(normalizeIp('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(normalizeIp('2001:db8:0:12:bbbb:cccc:dddd:eeee')).toBe('2001:db8:0:12::/64');
    expect(normalizeIp('::1')).toBe('0:0:0:0::/64');
    expect(normalizeIp('not-an-ip')).toBeNull();
    expect(clientIpOf(headers({ 'x-real-ip': 'evil; drop' }), 'x-real-ip')).toBeNull();
  });

  it('reads the socket address that server.mjs passes under its secret header', () => {
    expect(clientIpOf(headers({ 'x-socket-ip-abc': '::ffff:127.0.0.2' }), 'x-socket-ip-abc')).toBe(
      '127.0.0.2',
    );
  });
});

describe('isPrivateAddress', () => {
  it('knows this machine and its local network from the rest of the world', () => {
    for (const raw of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.20', '::1', 'fd12::1']) {
      expect(isPrivateAddress(normalizeIp(raw)!), raw).toBe(true);
    }
    for (const raw of ['8.8.8.8', '172.32.0.1', '2001:db8::1', '2a00:1450::1']) {
      expect(isPrivateAddress(normalizeIp(raw)!), raw).toBe(false);
    }
  });
});
