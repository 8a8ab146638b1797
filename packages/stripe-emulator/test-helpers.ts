// Shared by the emulator's tests: the real SDK pointed at a fresh emulator, form
// posts like a browser's, and a webhook receiver.

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import Stripe from 'stripe';

import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from './index';

export const WEBHOOK_SECRET = 'whsec_emulator_test_secret';

/** The SDK as the app builds it, minus retries (a test wants the first answer). */
export function sdkFor(emulator: StripeEmulator, key = 'sk_test_emulator'): Stripe {
  const { hostname, port } = new URL(emulator.url);
  return new Stripe(key, {
    host: hostname,
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

export async function startTestEmulator(
  options: Partial<StripeEmulatorOptions> = {},
): Promise<{ emulator: StripeEmulator; stripe: Stripe }> {
  const emulator = await startStripeEmulator({ webhookSecret: WEBHOOK_SECRET, ...options });
  return { emulator, stripe: sdkFor(emulator) };
}

/** A browser's form submission; redirects are left for the test to inspect. */
export const postForm = (url: string, fields: Record<string, string>): Promise<Response> =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

/** A customer who went through Checkout and paid: the usual starting point. */
export async function subscribedCustomer(
  stripe: Stripe,
  price = 'price_pro_monthly',
  email = 'buyer@example.com',
) {
  const customer = await stripe.customers.create({ email });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price, quantity: 1 }],
    success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/billing',
  });
  const paid = await postForm(`${session.url}/pay`, { card: '4242 4242 4242 4242' });
  if (paid.status !== 303) throw new Error(`checkout failed with ${paid.status}`);
  const completed = await stripe.checkout.sessions.retrieve(session.id);
  const subscription = await stripe.subscriptions.retrieve(String(completed.subscription));
  return { customer, session: completed, subscription };
}

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };

/**
 * A webhook endpoint on a free port. `status(n)` decides the answer to the n-th
 * request (from 1); by default every request gets 200.
 */
export async function startReceiver(status: (attempt: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    /** The event types received, in arrival order. */
    types: () => received.map((webhook) => (JSON.parse(webhook.body) as Stripe.Event).type),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
