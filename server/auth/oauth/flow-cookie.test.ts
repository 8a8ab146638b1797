import { describe, expect, it } from 'vitest';

import { flowCookie, flowFrom, safeNextPath, sameState } from './flow-cookie';

const flow = {
  provider: 'github' as const,
  state: 's'.repeat(32),
  verifier: 'v'.repeat(43),
  next: '/dashboard',
  linkFor: null,
};
const pairOf = (secure: boolean) => flowCookie(flow, secure).split(';')[0]!;

describe('the OAuth flow cookie', () => {
  it('is httpOnly, SameSite=Lax, short-lived, and __Host- over https', () => {
    expect(flowCookie(flow, true)).toMatch(
      /^__Host-lean_oauth=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/,
    );
    expect(flowCookie(flow, false)).toMatch(/^lean_oauth=[\w-]+; .*Max-Age=600$/);
  });

  it('reads back only one well-formed cookie of the right name', () => {
    expect(flowFrom(pairOf(true), true)).toEqual(flow);
    expect(flowFrom(pairOf(false), true)).toBeNull();
    // Two of them: one was planted (a sibling subdomain on plain http), so neither counts.
    expect(flowFrom(`${pairOf(false)}; ${pairOf(false)}`, false)).toBeNull();
    expect(flowFrom('lean_oauth=not-json', false)).toBeNull();
    const short = Buffer.from(JSON.stringify({ ...flow, verifier: 'x' })).toString('base64url');
    expect(flowFrom(`lean_oauth=${short}`, false)).toBeNull();
  });

  it('compares states whole, and refuses none', () => {
    expect(sameState(flow.state, flow.state)).toBe(true);
    expect(sameState(flow.state, `${flow.state}x`)).toBe(false);
    expect(sameState(flow.state, null)).toBe(false);
  });

  it('follows only a path on the app after sign-in', () => {
    expect(safeNextPath('/dashboard/billing?plan=pro#top')).toBe('/dashboard/billing?plan=pro#top');
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'x',
      '',
      null,
    ]) {
      expect(safeNextPath(next), String(next)).toBe('/dashboard');
    }
  });
});
