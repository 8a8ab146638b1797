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
