import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { startStripeEmulator } from './index';
import { sdkFor, startTestEmulator, subscribedCustomer, WEBHOOK_SECRET } from './test-helpers';

const directory = mkdtempSync(path.join(tmpdir(), 'stripe-emulator-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the state file', () => {
  it('keeps customers, subscriptions, sessions and events across a restart', async () => {
    const stateFile = path.join(directory, 'nested', 'state.json');
    const first = await startTestEmulator({ stateFile });
    const { customer, subscription, session } = await subscribedCustomer(first.stripe);
    const product = await first.stripe.products.create({ name: 'Extra' });
    await first.emulator.close();

    // Only the state file is left: the temporary file was renamed over it.
    expect(readdirSync(path.dirname(stateFile))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startTestEmulator({ stateFile });
    try {
      const stripe = second.stripe;
      expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
      expect((await stripe.products.retrieve(product.id)).name).toBe('Extra');
      const again = await stripe.subscriptions.retrieve(subscription.id);
      expect(again).toEqual(subscription);
      // Hosted-page URLs follow the emulator to its new port.
      const reloaded = await stripe.checkout.sessions.retrieve(session.id);
      expect(reloaded.url).toBe(`${second.emulator.url}/checkout/${session.id}`);
      const events = await stripe.events.list({ limit: 3 });
      expect(events.data.map((event) => event.type)).toEqual([
        'checkout.session.completed',
        'invoice.paid',
        'customer.subscription.created',
      ]);
      // A new object lists before the old ones: creation order survived.
      const newer = await stripe.customers.create({ email: 'after-restart@example.com' });
      const customers = await stripe.customers.list({ limit: 2 });
      expect(customers.data.map((each) => each.id)).toEqual([newer.id, customer.id]);
    } finally {
      await second.emulator.close();
    }
  });

  it('keeps pending and invoiced prorations, and their invoices, across a restart', async () => {
    const stateFile = path.join(directory, 'prorations.json');
    const first = await startTestEmulator({ stateFile });
    const { customer, subscription } = await subscribedCustomer(first.stripe);
    const item = subscription.items.data[0]!;
    const invoiced = await first.stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 2 }],
      proration_behavior: 'always_invoice',
    });
    await first.stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 3 }],
    });
    const before = await first.stripe.invoiceItems.list({ customer: customer.id });
    expect(before.data).toHaveLength(4);
    await first.emulator.close();

    const second = await startTestEmulator({ stateFile });
    try {
      const stripe = second.stripe;
      expect(await stripe.invoiceItems.list({ customer: customer.id })).toEqual(before);
      const pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
      expect(pending.data.map((each) => each.quantity)).toEqual([3, 2]);
      const invoice = await stripe.invoices.retrieve(String(invoiced.latest_invoice));
      expect(invoice.billing_reason).toBe('subscription_update');
      const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
      expect(preview.lines.data).toHaveLength(3);
    } finally {
      await second.emulator.close();
    }
  });

  it('reads a state file written before invoice items existed', async () => {
    const stateFile = path.join(directory, 'older.json');
    const first = await startTestEmulator({ stateFile });
    const { customer } = await subscribedCustomer(first.stripe);
    await first.emulator.close();
    const older = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    delete older.invoiceItems;
    writeFileSync(stateFile, JSON.stringify(older));

    const second = await startTestEmulator({ stateFile });
    try {
      expect((await second.stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
      expect((await second.stripe.invoiceItems.list()).data).toEqual([]);
    } finally {
      await second.emulator.close();
    }
  });

  it('seeds prices missing from an existing state and keeps changed ones', async () => {
    const stateFile = path.join(directory, 'seed.json');
    const first = await startStripeEmulator({
      webhookSecret: WEBHOOK_SECRET,
      stateFile,
      prices: [
        {
          id: 'price_solo',
          productId: 'prod_solo',
          productName: 'Solo',
          unitAmount: 500,
          currency: 'eur',
          interval: 'month',
        },
      ],
    });
    await first.close();
    const second = await startStripeEmulator({ webhookSecret: WEBHOOK_SECRET, stateFile });
    try {
      const stripe = sdkFor(second);
      expect((await stripe.prices.retrieve('price_solo')).currency).toBe('eur');
      expect((await stripe.prices.retrieve('price_pro_monthly')).unit_amount).toBe(1900);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not a state file', async () => {
    const stateFile = path.join(directory, 'garbage.json');
    writeFileSync(stateFile, JSON.stringify({ hello: 'world' }));
    await expect(startStripeEmulator({ webhookSecret: WEBHOOK_SECRET, stateFile })).rejects.toThrow(
      /not a state file/,
    );
  });
});
