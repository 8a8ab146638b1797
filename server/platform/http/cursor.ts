import { sql, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';

import { AppError, PLATFORM_WORDS, platformWords } from './errors';
import { inDateRange } from './input';

/**
 * Keyset pagination over (created_at, id), newest first. The cursor is the last
 * row's pair, opaque to clients. created_at goes as Postgres prints it, to the
 * microsecond: a JS Date would round to the millisecond and skip rows created within
 * the same one.
 */
export const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(`${createdAt}|${id}`).toString('base64url');

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(?::(\d{2}))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURSOR_MESSAGE = PLATFORM_WORDS.invalidCursor;

export type Cursor = { createdAt: string; id: string };

// The shape alone lets month 13 or hour 25 through, which Postgres refuses with a 500.
function isRealTimestamp(text: string): boolean {
  const parts = TIMESTAMP.exec(text);
  if (!parts) return false;
  const [, year, month, day, hour, minute, second, fraction = '', offset, offsetMinutes = '00'] =
    parts;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}:${offsetMinutes}`;
  const date = new Date(iso);
  // Date rolls 02-30 over to 03-01: the day must survive the round trip.
  const sameDay = new Date(`${year}-${month}-${day}T00:00:00Z`).getUTCDate() === Number(day);
  // Postgres takes offsets up to ±15:59; JS up to ±23:59.
  const offsetOk = Math.abs(Number(offset)) <= 15;
  return !Number.isNaN(date.getTime()) && sameDay && offsetOk && inDateRange(date);
}

function parse(cursor: string): Cursor | null {
  const [createdAt = '', id = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|');
  return rest.length === 0 && isRealTimestamp(createdAt) && UUID.test(id)
    ? { createdAt, id }
    : null;
}

/** The `cursor` input of every list: refused at validation when it is not one of ours. */
export const cursorInput = z
  .string()
  .max(200, { message: CURSOR_MESSAGE, abort: true })
  .refine((cursor) => parse(cursor) !== null, CURSOR_MESSAGE);

/** A cursor this API returned, or a 400 naming the `cursor` field. */
export function decodeCursor(cursor: string): Cursor {
  const decoded = parse(cursor);
  if (!decoded) {
    throw new AppError('VALIDATION_FAILED', platformWords('invalidInput', { fields: 'cursor' }), {
      fields: [{ path: 'cursor', message: platformWords('invalidCursor') }],
    });
  }
  return decoded;
}

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export const olderThan = (createdAt: AnyColumn, id: AnyColumn, after: Cursor) =>
  sql`(${createdAt}, ${id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`;

/** The column as Postgres prints it, for the next cursor. */
export const cursorTextOf = (createdAt: AnyColumn) => sql<string>`${createdAt}::text`;
