import { z } from 'zod';

/**
 * Schema builders for every string and date a client sends, so what Postgres and JS
 * dates cannot hold is refused once, here, as a 400 naming the field, instead of
 * failing in the database as a 500. zod has no global hook for `z.string()`; modules
 * use these builders in their schemas.ts instead.
 */

// A lone UTF-16 surrogate has no UTF-8 form: the driver would silently store U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why Postgres cannot store this text as sent, or null if it can. */
function unstorable(value: string): string | null {
  // Postgres text and jsonb end at U+0000; it cannot be stored at all.
  if (value.includes('\u0000')) return 'cannot contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains a broken character (an unpaired surrogate)';
  return null;
}

/** The first unstorable string anywhere in a JSON value, keys included. */
function unstorableIn(value: unknown): string | null {
  if (typeof value === 'string') return unstorable(value);
  if (Array.isArray(value)) return firstOf(value);
  if (value && typeof value === 'object') return firstOf(Object.entries(value).flat());
  return null;
}

function firstOf(values: unknown[]): string | null {
  for (const value of values) {
    const problem = unstorableIn(value);
    if (problem) return problem;
  }
  return null;
}

/** Adds the storability check to any schema, with `label` as the field's human name. */
export function storable<T extends z.ZodType>(schema: T, label: string): T {
  return schema.superRefine((value, ctx) => {
    const problem = unstorableIn(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem}.` });
  });
}

/** Any free text: a name, a message, a search term. */
export const text = (label: string) => storable(z.string(), label);

/** An https URL Postgres can store (URL parsing alone lets NUL and lone surrogates through). */
export const httpsUrl = (label: string) =>
  storable(z.url({ protocol: /^https$/, error: `${label} must be an https URL.` }), label);

// Postgres timestamptz and JS Date both break near their ends (year 0, 9999-12-31 plus
// an offset, ±275760); nothing this app stores is outside these two.
export const EARLIEST = new Date('1900-01-01T00:00:00.000Z');
export const LATEST = new Date('2999-12-31T23:59:59.999Z');
const RANGE_TEXT = 'between 1900-01-01 and 2999-12-31';

/** Whether a Date (or a date string) falls in the range the app accepts. */
export function inDateRange(value: Date | string): boolean {
  const time = (typeof value === 'string' ? new Date(value) : value).getTime();
  return time >= EARLIEST.getTime() && time <= LATEST.getTime();
}

// Only once the value is a date at all: "must be between" would mislead for "soon".
const inRange = <T extends z.ZodType<string | Date>>(schema: T, label: string) =>
  schema.refine(inDateRange, {
    message: `${label} must be ${RANGE_TEXT}.`,
    when: (payload) => (payload.issues ?? []).length === 0,
  });

/** A calendar day, YYYY-MM-DD (read as UTC). */
export const day = (label: string) =>
  inRange(z.iso.date({ error: `${label} must be a date as YYYY-MM-DD.` }), label);

/** A calendar day, or an ISO 8601 date-time with an offset. */
export const dayOrDateTime = (label: string) =>
  inRange(
    z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: `${label} must be a date (YYYY-MM-DD) or a date-time with an offset.`,
    }),
    label,
  );

/** An instant, from any string or number JS Date reads. */
export const instant = (label: string) =>
  inRange(z.coerce.date({ error: `${label} must be a date-time.` }), label);

/** A free-form JSON object whose keys and values Postgres jsonb can store. */
export const jsonObject = (label: string) =>
  storable(z.record(text(`${label} key`).max(64), z.unknown()), label);
