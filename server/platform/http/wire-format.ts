import superjson from 'superjson';

import { AppError } from './errors';

// What tRPC inputs may carry beyond JSON: dates, and fields left undefined.
const INPUT_TYPES = new Set(['Date', 'undefined']);

const isAllowedAnnotation = (annotation: unknown) =>
  Array.isArray(annotation) && annotation.length === 1 && INPUT_TYPES.has(annotation[0] as string);

/** A superjson path (`a.b.0`, dots in keys escaped as `\.`) split into its keys. */
function pathKeys(path: string): string[] {
  const keys: string[] = [];
  let key = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '\\' && i + 1 < path.length) key += path[++i];
    else if (char === '.') {
      keys.push(key);
      key = '';
    } else key += char;
  }
  keys.push(key);
  return keys;
}

/** Whether `path` names a leaf of `json` (a date's string, say), not an object. */
function isLeafAt(json: unknown, path: string): boolean {
  let value = json;
  for (const key of pathKeys(path)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value !== 'object' || value === null;
}

/**
 * `referentialEqualities` make parts of the input one shared value. Between leaves
 * (one Date used twice, which our own client sends so) that is harmless; between
 * objects a few kilobytes of them describe a graph with 2^40 paths, which validation
 * would walk for ever (plain JSON is always a tree), so those are refused.
 */
function sharesOnlyLeaves(json: unknown, equalities: unknown): boolean {
  if (equalities === undefined) return true;
  if (typeof equalities !== 'object' || equalities === null || Array.isArray(equalities)) {
    return false; // the root shared with something: not an input
  }
  return Object.entries(equalities).every(
    ([path, others]) =>
      Array.isArray(others) &&
      isLeafAt(json, path) &&
      others.every((other) => typeof other === 'string' && isLeafAt(json, other)),
  );
}

/**
 * superjson's `meta` as inputs may use it: `values` that mark dates and undefined
 * fields, and shared leaves (see `sharesOnlyLeaves`); nothing else.
 */
function isInputMeta(json: unknown, meta: unknown): boolean {
  if (meta === undefined) return true;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return false;
  const { values, referentialEqualities, ...rest } = meta as Record<string, unknown>;
  if (!sharesOnlyLeaves(json, referentialEqualities)) return false;
  if (Object.keys(rest).some((key) => key !== 'v')) return false;
  if (values === undefined || isAllowedAnnotation(values)) return true;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  return Object.values(values).every(isAllowedAnnotation);
}

const UNREADABLE =
  'The input is not in the format tRPC clients send (superjson: { json, meta }), or shares objects between its fields.';

/**
 * superjson, with input it cannot read (or will not: see `isInputMeta`) refused in
 * words: a body that is not what our tRPC clients send is the caller's mistake
 * (400), not a TypeError from inside the library.
 */
export const wireFormat = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown) => {
      const { json, meta } = (payload ?? {}) as { json?: unknown; meta?: unknown };
      if (!isInputMeta(json, meta)) throw new AppError('VALIDATION_FAILED', UNREADABLE);
      try {
        return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
      } catch {
        throw new AppError('VALIDATION_FAILED', UNREADABLE);
      }
    },
  },
  output: superjson,
};
