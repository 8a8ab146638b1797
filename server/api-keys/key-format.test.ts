import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { generateApiKey, hashApiKey, parseApiKey } from './key-format';

const LIVE = { prefix: 'sk', mode: 'live' } as const;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('API key format', () => {
  it('generates keys that parse, with a display prefix and a SHA-256 hash', () => {
    const key = generateApiKey('sk', 'live');
    expect(key).toMatch(/^sk_live_[0-9A-Za-z]{28}$/);
    const parsed = parseApiKey(key, LIVE)!;
    expect(parsed.hash).toBe(hashApiKey(key));
    expect(parsed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.startsWith(parsed.displayPrefix)).toBe(true);
    expect(parsed.displayPrefix).toHaveLength('sk_live_'.length + 4);
  });

  it('refuses a key of another prefix or mode', () => {
    expect(parseApiKey(generateApiKey('sk', 'test'), LIVE)).toBeNull();
    expect(parseApiKey(generateApiKey('pk', 'live'), LIVE)).toBeNull();
  });

  it('never accepts a random string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (raw) => parseApiKey(raw, LIVE) === null),
      { numRuns: 5_000 },
    );
    // Strings of exactly the right shape, too: only the checksum stands in the way.
    const shaped = fc
      .string({ unit: fc.constantFrom(...BASE62), minLength: 28, maxLength: 28 })
      .map((tail) => `sk_live_${tail}`);
    const accepted = fc.sample(shaped, 20_000).filter((raw) => parseApiKey(raw, LIVE));
    expect(accepted.length).toBeLessThanOrEqual(1);
  });

  it('catches every single-character change, truncation and extension', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...BASE62, '_', '-', ' '), (position, replacement) => {
        const key = generateApiKey('sk', 'live');
        const at = position % key.length;
        if (key[at] === replacement) return true;
        const changed = key.slice(0, at) + replacement + key.slice(at + 1);
        return parseApiKey(changed, LIVE) === null;
      }),
      { numRuns: 5_000 },
    );
    const key = generateApiKey('sk', 'live');
    expect(parseApiKey(key.slice(0, -1), LIVE)).toBeNull();
    expect(parseApiKey(`${key}A`, LIVE)).toBeNull();
  });
});
