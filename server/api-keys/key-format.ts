import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API keys look like `sk_live_<22 random base62 characters><6-character CRC32>`:
 * 22 base62 characters carry 131 bits of randomness, the prefix tells secret
 * scanners what they found, `live` / `test` tells which deployment it is for, and
 * the checksum lets a mistyped or truncated key be refused without a database query.
 * The checksum is not a secret: it guards against typos, not attackers.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 22;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = new RegExp(
  `^([a-z]{2,8})_(live|test)_([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);

export type KeyMode = 'live' | 'test';

function checksum(body: string): string {
  let value = crc32(body);
  let encoded = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    encoded = BASE62[value % 62] + encoded;
    value = Math.floor(value / 62);
  }
  return encoded;
}

export function generateApiKey(prefix: string, mode: KeyMode): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  const body = `${prefix}_${mode}_${random}`;
  return body + checksum(body);
}

/**
 * The key if it is well formed, checksummed and meant for this deployment (its
 * prefix and mode), else null. Pure: no I/O, whatever the input.
 */
export function parseApiKey(raw: string, expected: { prefix: string; mode: KeyMode }) {
  const match = KEY_PATTERN.exec(raw);
  if (!match) return null;
  const [, prefix, mode, random, sum] = match;
  if (prefix !== expected.prefix || mode !== expected.mode) return null;
  if (checksum(`${prefix}_${mode}_${random}`) !== sum) return null;
  // Enough to recognise a key in a list; 4 of its 22 random characters.
  return { hash: hashApiKey(raw), displayPrefix: `${prefix}_${mode}_${random!.slice(0, 4)}` };
}

/** SHA-256, hex: what is stored and looked up (a unique index). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
