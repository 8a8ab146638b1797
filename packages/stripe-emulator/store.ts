import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { randomBase62 } from './ids';
import type {
  CheckoutExtras,
  CheckoutSession,
  Customer,
  Invoice,
  InvoiceItem,
  PortalSession,
  Price,
  Product,
  StripeEvent,
  Subscription,
} from './types';

/**
 * Everything the emulator knows. Maps keep insertion order, which is creation order,
 * so "newest first" is a reverse walk; and unlike plain objects a lookup by a
 * caller's id (`__proto__`, `constructor`) can never hit a prototype.
 */
export type State = {
  customers: Map<string, Customer>;
  products: Map<string, Product>;
  prices: Map<string, Price>;
  checkoutSessions: Map<string, CheckoutSession>;
  checkoutExtras: Map<string, CheckoutExtras>;
  subscriptions: Map<string, Subscription>;
  invoices: Map<string, Invoice>;
  invoiceItems: Map<string, InvoiceItem>;
  portalSessions: Map<string, PortalSession>;
  events: Map<string, StripeEvent>;
};

const STATE_VERSION = 1;

/** Oldest events are dropped past this, so a long-lived state file stays small. */
export const MAX_EVENTS = 1000;

/**
 * Collections added after version 1 was written. A file from before them lacks the key
 * and is still read (as empty there), so an existing state file keeps working.
 */
const ADDED_LATER: ReadonlySet<keyof State> = new Set(['invoiceItems']);

type PersistedState = { version: number } & { [K in keyof State]?: [string, unknown][] };

export function emptyState(): State {
  return {
    customers: new Map(),
    products: new Map(),
    prices: new Map(),
    checkoutSessions: new Map(),
    checkoutExtras: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    invoiceItems: new Map(),
    portalSessions: new Map(),
    events: new Map(),
  };
}

const KEYS = Object.keys(emptyState()) as (keyof State)[];

/** The state in `file`, or an empty one when there is no file yet. */
export function loadState(file: string | undefined): State {
  const state = emptyState();
  if (!file || !existsSync(file)) return state;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isPersisted(parsed)) {
    throw new Error(`stripe-emulator: ${file} is not a state file of version ${STATE_VERSION}`);
  }
  for (const key of KEYS) {
    // The file is our own output: its entries have the shapes we wrote.
    const target = state[key] as Map<string, unknown>;
    for (const [id, value] of parsed[key] ?? []) target.set(id, value);
  }
  return state;
}

function isPersisted(value: unknown): value is PersistedState {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.version === STATE_VERSION &&
    KEYS.every(
      (key) => Array.isArray(record[key]) || (ADDED_LATER.has(key) && record[key] === undefined),
    )
  );
}

/**
 * Writes the whole state atomically: a reader (or a crash) sees the old file or the
 * new one, never half of one. Synchronous so two quick mutations cannot interleave
 * their writes.
 */
export function saveState(file: string, state: State): void {
  const persisted: Record<string, unknown> = { version: STATE_VERSION };
  for (const key of KEYS) persisted[key] = [...state[key].entries()];
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBase62(8)}.tmp`;
  writeFileSync(temporary, JSON.stringify(persisted));
  renameSync(temporary, file);
}

/** Newest first, the order of every Stripe list. */
export const newestFirst = <T>(map: Map<string, T>): T[] => [...map.values()].reverse();
