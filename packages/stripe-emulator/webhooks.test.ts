import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';

import {
  startReceiver,
  startTestEmulator,
  subscribedCustomer,
  WEBHOOK_SECRET,
} from './test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An emulator without a webhook URL yet, and a receiver answering `status(n)`. */
async function setup(status?: (attempt: number) => number, retryDelaysMs?: number[]) {
  const receiver = await startReceiver(status);
  const { emulator, stripe } = await startTestEmulator({ retryDelaysMs });
  cleanups.push(receiver.close, emulator.close);
  return { receiver, emulator, stripe };
}

const parse = (body: string) => JSON.parse(body) as Stripe.Event;

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('webhook delivery', () => {
  it('delivers signed events that constructEvent accepts, in the order they happened', async () => {
    const { receiver, emulator, stripe } = await setup();
    emulator.setWebhookUrl(receiver.url);
    await subscribedCustomer(stripe);
    await emulator.flushWebhooks();

    expect(receiver.types()).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    for (const webhook of receiver.received) {
      expect(webhook.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(webhook.headers['user-agent']).toBe('Stripe/1.0 (+https://stripe.com/docs/webhooks)');
      const signature = String(webhook.headers['stripe-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = stripe.webhooks.constructEvent(webhook.body, signature, WEBHOOK_SECRET);
      expect(event.object).toBe('event');
      expect(webhook.body).toBe(JSON.stringify(event, null, 2));
      expect(() =>
        stripe.webhooks.constructEvent(webhook.body, signature, 'whsec_wrong_secret'),
      ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    }

    // Each event went out while pending, and counts as delivered afterwards.
    expect(parse(receiver.received[0]!.body).pending_webhooks).toBe(1);
    const stored = await stripe.events.list({ limit: 3 });
    expect(stored.data.map((event) => event.pending_webhooks)).toEqual([0, 0, 0]);
  });

  it('retries: a receiver that fails twice gets the event three times', async () => {
    const { receiver, emulator, stripe } = await setup((n) => (n <= 2 ? 500 : 200), [20, 40]);
    const { subscription } = await subscribedCustomer(stripe);
    emulator.setWebhookUrl(receiver.url);

    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    await emulator.flushWebhooks();

    expect(receiver.types()).toEqual([
      'customer.subscription.updated',
      'customer.subscription.updated',
      'customer.subscription.updated',
    ]);
    const ids = new Set(receiver.received.map((webhook) => parse(webhook.body).id));
    expect(ids.size).toBe(1);
    for (const webhook of receiver.received) {
      const signature = String(webhook.headers['stripe-signature']);
      expect(() =>
        stripe.webhooks.constructEvent(webhook.body, signature, WEBHOOK_SECRET),
      ).not.toThrow();
    }
    const [event] = (await stripe.events.list({ limit: 1 })).data;
    expect(event!.pending_webhooks).toBe(0);
  });

  it('gives up after the last retry, and flushWebhooks still returns', async () => {
    const { receiver, emulator, stripe } = await setup(() => 503, [10, 10]);
    const { subscription } = await subscribedCustomer(stripe);
    emulator.setWebhookUrl(receiver.url);

    await stripe.subscriptions.update(subscription.id, { metadata: { note: 'x' } });
    await emulator.flushWebhooks();

    expect(receiver.received).toHaveLength(3);
    const [event] = (await stripe.events.list({ limit: 1 })).data;
    expect(event!.pending_webhooks).toBe(1);
  });

  it('retries one event without holding back the next', async () => {
    const { receiver, emulator, stripe } = await setup((n) => (n === 1 ? 500 : 200), [50]);
    const { subscription } = await subscribedCustomer(stripe);
    emulator.setWebhookUrl(receiver.url);

    await stripe.subscriptions.update(subscription.id, { metadata: { step: '1' } });
    await stripe.subscriptions.update(subscription.id, { metadata: { step: '2' } });
    await emulator.flushWebhooks();

    const steps = receiver.received.map(
      (webhook) => (parse(webhook.body).data.object as Stripe.Subscription).metadata.step,
    );
    expect(steps).toEqual(['1', '2', '1']);
  });

  it('survives an unreachable endpoint', async () => {
    const closed = await startReceiver();
    await closed.close();
    const { emulator, stripe } = await startTestEmulator({
      webhookUrl: closed.url,
      retryDelaysMs: [5],
    });
    cleanups.push(emulator.close);
    await subscribedCustomer(stripe);
    await emulator.flushWebhooks();
    const events = await stripe.events.list({ limit: 3 });
    expect(events.data.map((event) => event.pending_webhooks)).toEqual([1, 1, 1]);
  });

  it('only stores events when there is no webhook URL', async () => {
    const { emulator, stripe } = await startTestEmulator();
    cleanups.push(emulator.close);
    await subscribedCustomer(stripe);
    await emulator.flushWebhooks();
    const events = await stripe.events.list({ limit: 3 });
    expect(events.data.map((event) => event.pending_webhooks)).toEqual([0, 0, 0]);
  });

  it('close() cancels waiting retries and releases flushWebhooks at once', async () => {
    const receiver = await startReceiver(() => 500);
    cleanups.push(receiver.close);
    const { emulator, stripe } = await startTestEmulator({
      webhookUrl: receiver.url,
      retryDelaysMs: [60_000],
    });
    await subscribedCustomer(stripe);
    const flushed = emulator.flushWebhooks();
    await waitFor(() => receiver.received.length === 3);
    const started = Date.now();
    await emulator.close();
    await flushed;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
