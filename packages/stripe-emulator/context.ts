import type { Params } from './params';
import type { State } from './store';
import type { ApiObject, StripeEvent } from './types';

/** What every handler and page works with. */
export type Context = {
  state: State;
  /** The emulator's own origin (known once it listens), for hosted-page URLs. */
  baseUrl(): string;
  /** Records an event and queues its webhook delivery; never waits for it. */
  emit(type: string, object: ApiObject, previousAttributes?: Record<string, unknown>): StripeEvent;
};

export type Method = 'GET' | 'POST' | 'DELETE';

export type ApiRequest = {
  params: Params;
  /** Values of the `:name` segments of the route's pattern. */
  path: Record<string, string>;
};

/** An API handler returns the response body; Stripe answers every success with 200. */
export type ApiRoute = {
  method: Method;
  pattern: string;
  handler: (ctx: Context, request: ApiRequest) => object;
};

/** `pattern` like `/v1/customers/:id` against a pathname; the captured segments, or null. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const captured: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return null;
      captured[segment.slice(1)] = safeDecode(actual);
    } else if (segment !== actual) {
      return null;
    }
  }
  return captured;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
