import type { ApiRoute } from '../context';
import { noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import { paginate } from '../list';
import { optionalString, stringList } from '../params';
import { MAX_EVENTS, newestFirst, type State } from '../store';
import { API_VERSION, type ApiObject, type StripeEvent } from '../types';

/**
 * Stores an event whose `data.object` is a snapshot: later changes to the object do
 * not rewrite history. `pendingWebhooks` is 1 when an endpoint will receive it.
 */
export function recordEvent(
  state: State,
  fields: {
    type: string;
    object: ApiObject;
    previousAttributes?: Record<string, unknown>;
    pendingWebhooks: number;
  },
): StripeEvent {
  const event: StripeEvent = {
    id: newId.event(),
    object: 'event',
    api_version: API_VERSION,
    created: nowSeconds(),
    data: {
      object: structuredClone(fields.object),
      ...(fields.previousAttributes && { previous_attributes: fields.previousAttributes }),
    },
    livemode: false,
    pending_webhooks: fields.pendingWebhooks,
    request: { id: null, idempotency_key: null },
    type: fields.type,
  };
  state.events.set(event.id, event);
  for (const id of state.events.keys()) {
    if (state.events.size <= MAX_EVENTS) break;
    state.events.delete(id);
  }
  return event;
}

/**
 * Stripe's `previous_attributes`: the former value of every top-level field that
 * changed (a changed nested object is given whole). Null when nothing changed.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> | null {
  const old = new Map(Object.entries(before));
  const changed = Object.entries(after).filter(
    ([key, value]) => JSON.stringify(old.get(key)) !== JSON.stringify(value),
  );
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map(([key]) => [key, old.get(key) ?? null]));
}

/** `customer.subscription.*` matches every type under that prefix, as in Stripe. */
const typeMatches = (pattern: string, type: string) =>
  pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;

export const eventRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/events/:id',
    handler: (ctx, { path }) => {
      const event = ctx.state.events.get(path.id ?? '');
      if (!event) throw noSuch('event', path.id ?? '');
      return event;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/events',
    handler: (ctx, { params }) => {
      const type = optionalString(params, 'type');
      const types = stringList(params, 'types');
      const events = newestFirst(ctx.state.events).filter(
        (event) =>
          (type === undefined || typeMatches(type, event.type)) &&
          (types === undefined || types.some((pattern) => typeMatches(pattern, event.type))),
      );
      return paginate(events, params, '/v1/events');
    },
  },
];
