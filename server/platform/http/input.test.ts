import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { errorReportInput } from '@/server/core/schemas';

import { cursorInput, decodeCursor, encodeCursor } from './cursor';
import { fieldErrorsOf } from './errors';
import { day, dayOrDateTime, httpsUrl, instant, text } from './input';

const issues = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldErrorsOf(result.error).map((field) => field.message);
};

describe('text()', () => {
  const name = text('The display name');

  it('refuses NUL and lone surrogates, naming the field', () => {
    expect(issues(name, 'Ada\u0000')).toEqual(['The display name cannot contain a NUL character.']);
    for (const broken of ['\ud800', 'a\udc00', 'a\ud800b', '\udfff\ud800']) {
      expect(issues(name, broken)).toEqual([
        'The display name contains a broken character (an unpaired surrogate).',
      ]);
    }
  });

  it('accepts any other text, astral characters (surrogate pairs) included', () => {
    expect(issues(name, 'Zoë 🚀 \u{1F600} 漢字\t')).toEqual([]);
  });

  it('keeps the chained checks of a string', () => {
    expect(issues(name.max(3), 'abcd')).toHaveLength(1);
  });

  it('reaches into JSON objects, keys included, once per problem', () => {
    const report = { message: 'm', severity: 'low', category: 'c' };
    for (const metadata of [{ 'a\u0000': 1 }, { a: ['\ud800'] }, { a: { b: 'c\u0000' } }]) {
      expect(issues(errorReportInput, { ...report, metadata })).toHaveLength(1);
    }
    expect(issues(errorReportInput, { ...report, metadata: { a: { b: ['ok 🚀'] } } })).toEqual([]);
  });

  it('guards URLs, which URL parsing would let through', () => {
    expect(issues(httpsUrl('The avatar URL'), 'https://a.example/\u0000')).toEqual([
      'The avatar URL cannot contain a NUL character.',
    ]);
    expect(issues(httpsUrl('The avatar URL'), 'http://a.example/')).toEqual([
      'The avatar URL must be an https URL.',
    ]);
  });
});

describe('dates', () => {
  it('day() takes 1900-01-01 through 2999-12-31 and says so otherwise', () => {
    const from = day('The start date');
    expect(issues(from, '1900-01-01')).toEqual([]);
    expect(issues(from, '2999-12-31')).toEqual([]);
    for (const outside of ['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      expect(issues(from, outside)).toEqual([
        'The start date must be between 1900-01-01 and 2999-12-31.',
      ]);
    }
    expect(issues(from, '2024-13-01')).toEqual(['The start date must be a date as YYYY-MM-DD.']);
  });

  it('dayOrDateTime() applies the range after the offset', () => {
    const to = dayOrDateTime('The end date');
    expect(issues(to, '2999-12-31T22:00:00+01:00')).toEqual([]);
    expect(issues(to, '2999-12-31T22:00:00-05:00')).toHaveLength(1);
    expect(issues(to, 'soon')).toEqual([
      'The end date must be a date (YYYY-MM-DD) or a date-time with an offset.',
    ]);
  });

  it('instant() refuses what JS cannot read or Postgres cannot store', () => {
    const at = instant('The expiry');
    expect(issues(at, '2030-01-01T00:00:00Z')).toEqual([]);
    for (const bad of [1e308, 'NaN', '+275760-09-13T00:00:00.000Z', -1e13]) {
      expect(issues(at, bad)).toHaveLength(1);
    }
  });
});

describe('cursors', () => {
  const id = '0b8f3a5e-4c1d-4e2f-9a7b-6c5d4e3f2a1b';
  const raw = (text: string) => Buffer.from(text).toString('base64url');

  it('round-trips what the API returns', () => {
    const cursor = encodeCursor('2026-05-01 12:00:00.123456+00', id);
    expect(cursorInput.safeParse(cursor).success).toBe(true);
    expect(decodeCursor(cursor)).toEqual({ createdAt: '2026-05-01 12:00:00.123456+00', id });
  });

  it('refuses a cursor whose date Postgres would refuse', () => {
    for (const createdAt of [
      '2024-13-01 00:00:00+00',
      '2024-02-30 00:00:00+00',
      '2024-01-01 25:00:00+00',
      '0000-01-01 00:00:00+00',
      '2024-01-01 00:00:00+20',
    ]) {
      const cursor = encodeCursor(createdAt, id);
      expect(issues(cursorInput, cursor)).toEqual([
        'The cursor is not valid: pass nextCursor from the previous page.',
      ]);
      expect(() => decodeCursor(cursor)).toThrow('Invalid input: cursor');
    }
    expect(issues(cursorInput, raw(`2024-01-01 00:00:00+00|${id}|x`))).toHaveLength(1);
    expect(issues(cursorInput, 'x'.repeat(201))).toHaveLength(1);
  });
});
