// A local stand-in for the slice of Stripe the app uses: the /v1 API (through the real
// SDK), hosted Checkout and billing-portal pages, and signed webhooks. See README.md.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApiHandler } from './api';
import type { Context } from './context';
import { sendHtml, sendJson, BodyTooLargeError } from './http';
import { errorPage } from './pages/layout';
import { createPageHandler } from './pages/routes';
import { recordEvent } from './resources/events';
import { failPayment } from './resources/subscription-changes';
import { getSubscription } from './resources/subscriptions';
import { DEFAULT_PRICES, seedCatalog, type EmulatorPrice } from './seed';
import { loadState, saveState, type State } from './store';
import { createWebhookDispatcher } from './webhooks';

export { DEFAULT_PRICES, type EmulatorPrice };

export type StripeEmulatorOptions = {
  /** Default 0: a free port chosen by the system. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Where events are POSTed; without one they are only stored (GET /v1/events). */
  webhookUrl?: string;
  /** Signs deliveries, e.g. 'whsec_…'; the receiver verifies with the same value. */
  webhookSecret: string;
  /** JSON file loaded at start if present and rewritten (atomically) after each change. */
  stateFile?: string;
  /** Products and prices seeded at start (those missing from the state). */
  prices?: EmulatorPrice[];
  /** Waits before each retry of a failed delivery; given up after the last. */
  retryDelaysMs?: number[];
};

export type StripeEmulator = {
  url: string;
  port: number;
  setWebhookUrl(url: string | undefined): void;
  /** Resolves when no delivery is in flight or waiting for a retry. */
  flushWebhooks(): Promise<void>;
  /**
   * For tests: what the portal's "Simulate failed payment" does — the subscription goes
   * past_due with a new open invoice; emits `invoice.payment_failed`, then
   * `customer.subscription.updated`. Rejects for an unknown or canceled subscription.
   */
  simulatePaymentFailure(subscriptionId: string): Promise<void>;
  close(): Promise<void>;
};

const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 15_000, 60_000, 300_000];

const originOf = (host: string, port: number) =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Session URLs name the emulator's origin, which changes when a state file outlives a port. */
function pointSessionsAt(state: State, baseUrl: string): void {
  for (const session of state.checkoutSessions.values()) {
    session.url = `${baseUrl}/checkout/${session.id}`;
  }
  for (const session of state.portalSessions.values()) {
    session.url = `${baseUrl}/portal/${session.id}`;
  }
}

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (!options.webhookSecret) throw new Error('stripe-emulator: webhookSecret is required');
  const state = loadState(options.stateFile);
  seedCatalog(state, options.prices ?? DEFAULT_PRICES);
  let webhookUrl = options.webhookUrl || undefined;
  let baseUrl = '';
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state);
  };

  const webhooks = createWebhookDispatcher({
    secret: options.webhookSecret,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    url: () => webhookUrl,
    payload: (id) => {
      const event = state.events.get(id);
      return event && JSON.stringify(event, null, 2);
    },
    onDelivered: (id) => {
      const event = state.events.get(id);
      if (!event || event.pending_webhooks === 0) return;
      event.pending_webhooks -= 1;
      persist();
    },
  });

  const ctx: Context = {
    state,
    baseUrl: () => baseUrl,
    emit: (type, object, previousAttributes) => {
      const pendingWebhooks = webhookUrl ? 1 : 0;
      const event = recordEvent(state, { type, object, previousAttributes, pendingWebhooks });
      if (webhookUrl) webhooks.enqueue(event.id);
      return event;
    },
  };
  const api = createApiHandler(ctx, persist);
  const pages = createPageHandler(ctx, persist);

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const isApi = url.pathname === '/v1' || url.pathname.startsWith('/v1/');
    try {
      await (isApi ? api : pages)(request, response, url);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) console.error('stripe-emulator: request failed', error);
      if (response.headersSent) return void response.destroy();
      const status = tooLarge ? 413 : 500;
      const message = tooLarge ? 'Request body too large.' : 'The emulator failed unexpectedly.';
      if (isApi) sendJson(response, status, { error: { type: 'api_error', message } });
      else sendHtml(response, status, errorPage(message));
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = originOf(options.host ?? '127.0.0.1', port);
  pointSessionsAt(state, baseUrl);
  persist();

  return {
    url: baseUrl,
    port,
    setWebhookUrl(url) {
      webhookUrl = url || undefined;
    },
    flushWebhooks: () => webhooks.flush(),
    async simulatePaymentFailure(subscriptionId) {
      failPayment(ctx, getSubscription(state, subscriptionId));
      persist();
    },
    async close() {
      webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps connections alive; without this close() would wait for them.
        server.closeAllConnections();
      });
    },
  };
}
