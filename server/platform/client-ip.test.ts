import { describe, expect, it } from 'vitest';

import { clientIpOf } from './client-ip';

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
});
