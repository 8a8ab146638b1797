import { describe, expect, it } from 'vitest';

import { passwordProblem } from './password';
import { hashPassword, verifyPassword } from './built-in/password-hash';
import {
  hashSessionToken,
  newSessionToken,
  sessionCookie,
  sessionTokenFrom,
} from './session-token';
import { ROLE_PERMISSIONS } from '@/server/identity/permissions';

describe('passwords', () => {
  it('follows NIST: length, no composition rules, no common passwords', () => {
    expect(passwordProblem('seven77')).toMatch(/at least 8/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('Password1')).toMatch(/common/);
    expect(passwordProblem('iloveyou')).toMatch(/common/);
    // Lower case only, no digits, no symbols: fine.
    expect(passwordProblem('purple elephant running')).toBeNull();
    // Length counts characters, not UTF-16 units or bytes.
    expect(passwordProblem('😀'.repeat(7))).toMatch(/at least 8/);
    expect(passwordProblem('😀'.repeat(8))).toBeNull();
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('purple elephant running');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'purple elephant running')).toBe(true);
    expect(await verifyPassword(hash, 'purple elephant walking')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('treats composed and decomposed forms of a password as the same', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword(hash, 'cafe\u0301 au lait')).toBe(true);
  });
});

describe('session tokens and cookies', () => {
  it('makes 256-bit tokens and stores only their SHA-256', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });

  it('reads only one well-formed session cookie of the expected name', () => {
    const token = newSessionToken();
    expect(sessionTokenFrom(`a=1; lean_session=${token}; b=2`, false)).toBe(token);
    expect(sessionTokenFrom(`__Host-lean_session=${token}`, true)).toBe(token);
    // Over https only the __Host- cookie counts: a plain one could come from a subdomain.
    expect(sessionTokenFrom(`lean_session=${token}`, true)).toBeNull();
    expect(
      sessionTokenFrom(`__Host-lean_session=${token}; __Host-lean_session=${token}`, true),
    ).toBeNull();
    expect(sessionTokenFrom('lean_session=short', false)).toBeNull();
    expect(sessionTokenFrom(`lean_session=${token}'--`, false)).toBeNull();
    expect(sessionTokenFrom(null, false)).toBeNull();
  });

  it('uses a __Host- Secure cookie except on plain-http localhost', () => {
    expect(sessionCookie('t', 60, true)).toMatch(/^__Host-lean_session=t; Path=\/; .*; Secure$/);
    expect(sessionCookie('t', 60, false)).toMatch(/^lean_session=t; /);
    expect(sessionCookie('t', 60, false)).not.toContain('Secure');
  });
});

describe('permissions', () => {
  it('gives admin everything a user has, plus admin', () => {
    expect(ROLE_PERMISSIONS.admin).toEqual(
      expect.arrayContaining([...ROLE_PERMISSIONS.user, 'admin']),
    );
    expect(ROLE_PERMISSIONS.user).not.toContain('admin');
  });
});
