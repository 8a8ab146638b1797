import type { ParsedQs } from 'qs';

import { invalidParam, missingParam } from './errors';
import type { Metadata } from './types';

/** A request's parameters as `qs` decodes Stripe's bracket encoding. */
export type Params = ParsedQs;
type Value = Params[string];

export const isParams = (value: Value): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string parameter; absent is undefined, and a nested value is a 400 naming it. */
export function optionalString(params: Params, name: string, path = name): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidParam(path, `Invalid string: ${path}`);
  return value;
}

/** Stripe treats an empty required value as missing. */
export function requiredString(params: Params, name: string, path = name): string {
  const value = optionalString(params, name, path);
  if (value === undefined || value === '') throw missingParam(path);
  return value;
}

export function optionalBoolean(params: Params, name: string, path = name): boolean | undefined {
  const value = optionalString(params, name, path);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParam(path, `Invalid boolean: ${value}`, 'parameter_invalid_boolean');
}

export function optionalInteger(
  params: Params,
  name: string,
  { path = name, min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
  const value = optionalString(params, name, path);
  if (value === undefined) return undefined;
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) {
    throw invalidParam(path, `Invalid integer: ${value}`, 'parameter_invalid_integer');
  }
  if (number < min || number > max) {
    throw invalidParam(
      path,
      `This value must be between ${min} and ${max}.`,
      'parameter_invalid_integer',
    );
  }
  return number;
}

/**
 * A list: `name[0]=a&name[1]=b` or `name[]=a`. `qs` turns very long or sparse lists
 * into objects keyed by index, so those are accepted too.
 */
function listValues(params: Params, name: string): (string | Params)[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value;
  if (isParams(value)) {
    return Object.values(value).flatMap((item): (string | Params)[] =>
      item === undefined ? [] : Array.isArray(item) ? item : [item],
    );
  }
  return [value];
}

export function stringList(params: Params, name: string): string[] | undefined {
  const values = listValues(params, name);
  if (!values) return undefined;
  return values.map((value, index) => {
    if (typeof value !== 'string') throw invalidParam(`${name}[${index}]`, 'Invalid string');
    return value;
  });
}

export function paramsList(params: Params, name: string): Params[] | undefined {
  const values = listValues(params, name);
  if (!values) return undefined;
  return values.map((value, index) => {
    if (!isParams(value)) throw invalidParam(`${name}[${index}]`, `Invalid object`);
    return value;
  });
}

export function optionalParams(params: Params, name: string, path = name): Params | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (!isParams(value)) throw invalidParam(path, `Invalid object: ${path}`);
  return value;
}

/**
 * Metadata as Stripe applies it: keys merge into the current set, an empty value
 * deletes its key, and `metadata=` (empty) clears everything.
 */
export function applyMetadata(
  current: Metadata,
  params: Params,
  name = 'metadata',
  path = name,
): Metadata {
  const value = params[name];
  if (value === undefined) return current;
  if (value === '') return {};
  if (!isParams(value)) throw invalidParam(path, `Invalid object: ${path}`);
  const merged = new Map(Object.entries(current));
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw invalidParam(`${path}[${key}]`, 'Invalid string');
    if (item === '') merged.delete(key);
    else merged.set(key, item);
  }
  if (merged.size > 50) throw invalidParam(path, 'Metadata can have at most 50 keys.');
  // fromEntries defines own properties, so even a `__proto__` key stays plain data.
  return Object.fromEntries(merged);
}

/** The `expand` paths of a request; anything that is not a string is ignored. */
export function expandPaths(params: Params): string[] {
  const values = listValues(params, 'expand') ?? [];
  return values.filter((value): value is string => typeof value === 'string');
}

/** An empty string unsets an optional field in Stripe's form encoding. */
export const nullIfEmpty = (value: string | undefined): string | null | undefined =>
  value === '' ? null : value;
