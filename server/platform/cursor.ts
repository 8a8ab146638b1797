import { sql, type AnyColumn } from 'drizzle-orm';

import { AppError } from './errors';

/**
 * Keyset pagination over (created_at, id), newest first. The cursor is the last
 * row's pair, opaque to clients. created_at goes as Postgres prints it, to the
 * microsecond: a JS Date would round to the millisecond and skip rows created within
 * the same one.
 */
export const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(`${createdAt}|${id}`).toString('base64url');

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type Cursor = { createdAt: string; id: string };

/** A cursor this API returned, or a 400 naming the `cursor` field. */
export function decodeCursor(cursor: string): Cursor {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!TIMESTAMP.test(createdAt) || !UUID.test(id)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid input: cursor', {
      fields: [{ path: 'cursor', message: 'Not a cursor this API returned.' }],
    });
  }
  return { createdAt, id };
}

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export const olderThan = (createdAt: AnyColumn, id: AnyColumn, after: Cursor) =>
  sql`(${createdAt}, ${id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`;

/** The column as Postgres prints it, for the next cursor. */
export const cursorTextOf = (createdAt: AnyColumn) => sql<string>`${createdAt}::text`;
