import type { State } from './store';

/** Which collection an id belongs to, by its prefix (`cus_…` → customers). */
function lookup(state: State, id: string): unknown {
  const prefix = id.slice(0, id.indexOf('_'));
  const collections: Record<string, Map<string, unknown>> = {
    cus: state.customers,
    prod: state.products,
    price: state.prices,
    cs: state.checkoutSessions,
    sub: state.subscriptions,
    in: state.invoices,
    ii: state.invoiceItems,
    bps: state.portalSessions,
    evt: state.events,
  };
  return Object.hasOwn(collections, prefix) ? collections[prefix]?.get(id) : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Replaces id strings with their objects along dotted paths, as Stripe's `expand`
 * does: `subscription`, `latest_invoice`, `items.data.price.product`, and on lists
 * `data.customer`. Arrays on the way are walked element by element. A path that names
 * nothing expandable is left alone rather than refused: the emulator is lenient.
 * `value` must be a copy — it is changed in place.
 */
export function expand(state: State, value: unknown, paths: string[]): void {
  for (const path of paths) expandPath(state, value, path.split('.'));
}

function expandPath(state: State, value: unknown, segments: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) expandPath(state, item, segments);
    return;
  }
  const [key, ...rest] = segments;
  if (!isRecord(value) || key === undefined || !Object.hasOwn(value, key)) return;
  const current = value[key];
  if (typeof current === 'string') {
    const found = lookup(state, current);
    if (found === undefined) return;
    value[key] = structuredClone(found);
  }
  if (rest.length > 0) expandPath(state, value[key], rest);
}
