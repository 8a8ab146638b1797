import { describe, expect, it } from 'vitest';

import { hashPassword, passwordProblem, verifyPassword } from './password';
import {
  hashSessionToken,
  newSessionToken,
  sessionCookie,
  sessionTokenFrom,
} from './session-token';
import { ROLE_PERMISSIONS } from './permissions';

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

  it('reads only a well-formed session cookie', () => {
    const token = newSessionToken();
    expect(sessionTokenFrom(`a=1; lean_session=${token}; b=2`)).toBe(token);
    expect(sessionTokenFrom('lean_session=short')).toBeNull();
    expect(sessionTokenFrom(`lean_session=${token}'--`)).toBeNull();
    expect(sessionTokenFrom(null)).toBeNull();
  });

  it('marks the cookie Secure except on plain-http localhost', () => {
    expect(sessionCookie('t', 60, true)).toContain('; Secure');
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
