import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll } from 'vitest';

import type { Database } from '@/db/types';
import { emulatorStripe, type Billing } from '@/server/billing/stripe-client';
import { createStripeWebhookHandler } from '@/server/billing/webhook-route';
import { startStripeEmulator, type StripeEmulator } from '@lean-saas/stripe-emulator';

export const TEST_WEBHOOK_SECRET = 'whsec_lean_saas_tests';

/** Serves the app's real webhook route handler over HTTP, for the emulator to call. */
async function webhookReceiver(handle: (request: Request) => Promise<Response>) {
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await handle(
      new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers,
        body: Buffer.concat(chunks),
      }),
    );
    outgoing.writeHead(response.status, { 'content-type': 'application/json' });
    outgoing.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, server };
}

/**
 * A Stripe emulator for this test file, whose webhooks reach the app's real handler
 * on the test database, and the Billing the app uses to talk to it.
 */
export function testBilling(db: () => Database) {
  let emulator: StripeEmulator | undefined;
  let billing: Billing | undefined;
  let receiver: Server | undefined;
  let receiverUrl: string | undefined;
  beforeAll(async () => {
    emulator = await startStripeEmulator({
      webhookSecret: TEST_WEBHOOK_SECRET,
      retryDelaysMs: [50, 100, 200],
    });
    billing = {
      stripe: emulatorStripe(emulator.url),
      webhookSecret: TEST_WEBHOOK_SECRET,
      mode: 'emulator',
    };
    const handler = createStripeWebhookHandler({
      getDb: async () => db(),
      billing: () => billing!,
    });
    const started = await webhookReceiver(handler);
    receiver = started.server;
    receiverUrl = started.url;
    emulator.setWebhookUrl(receiverUrl);
  });
  afterAll(async () => {
    await emulator?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });
  return {
    billing: () => billing!,
    emulator: () => emulator!,
    /** Where the emulator delivers events: the app's handler on the test database. */
    webhookUrl: () => receiverUrl!,
    webhookHandler: () =>
      createStripeWebhookHandler({ getDb: async () => db(), billing: () => billing! }),
  };
}

/** Pays on the emulator's hosted checkout page, as the browser's form would. */
export async function payCheckout(checkoutUrl: string, card = '4242 4242 4242 4242') {
  const response = await fetch(`${checkoutUrl}/pay`, {
    method: 'POST',
    body: new URLSearchParams({ card }),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location') };
}
