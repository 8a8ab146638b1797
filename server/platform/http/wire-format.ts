import superjson from 'superjson';

import { AppError } from './errors';

// What tRPC inputs may carry beyond JSON: dates, and fields left undefined.
const INPUT_TYPES = new Set(['Date', 'undefined']);

const isAllowedAnnotation = (annotation: unknown) =>
  Array.isArray(annotation) && annotation.length === 1 && INPUT_TYPES.has(annotation[0] as string);

/**
 * superjson's `meta` as inputs may use it: `values` that mark dates and undefined
 * fields, and nothing else. Above all no `referentialEqualities`: they make parts of
 * the input one shared object, and a few kilobytes of them describe a graph with
 * 2^40 paths, which validation would walk for ever (plain JSON is always a tree).
 */
function isInputMeta(meta: unknown): boolean {
  if (meta === undefined) return true;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return false;
  const { values, referentialEqualities, ...rest } = meta as Record<string, unknown>;
  if (referentialEqualities !== undefined) return false;
  if (Object.keys(rest).some((key) => key !== 'v')) return false;
  if (values === undefined || isAllowedAnnotation(values)) return true;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  return Object.values(values).every(isAllowedAnnotation);
}

const UNREADABLE = 'The input is not in the format tRPC clients send (superjson: { json, meta }).';

/**
 * superjson, with input it cannot read (or will not: see `isInputMeta`) refused in
 * words: a body that is not what our tRPC clients send is the caller's mistake
 * (400), not a TypeError from inside the library.
 */
export const wireFormat = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown) => {
      const meta = (payload as { meta?: unknown } | null)?.meta;
      if (!isInputMeta(meta)) throw new AppError('VALIDATION_FAILED', UNREADABLE);
      try {
        return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
      } catch {
        throw new AppError('VALIDATION_FAILED', UNREADABLE);
      }
    },
  },
  output: superjson,
};
