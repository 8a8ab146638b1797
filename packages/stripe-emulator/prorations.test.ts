import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { StripeEmulator } from './index';
import { startTestEmulator } from './test-helpers';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startTestEmulator());
});
afterAll(() => emulator.close());

// Only Date is faked, and it stands still: the emulator (in this process) sees exactly
// these moments, so prorated amounts are exact. Timers and sockets stay real.
const seconds = (iso: string) => Date.parse(iso) / 1000;
const START = seconds('2026-12-01T00:00:00Z');
const PERIOD_END = seconds('2027-01-01T00:00:00Z');
const CHANGE = seconds('2026-12-05T00:00:00Z');
const REMAINING = (PERIOD_END - CHANGE) / (PERIOD_END - START); // 27 of 31 days
const at = (moment: number) => vi.setSystemTime(moment * 1000);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at(START);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A per-seat subscription started on START; the clock is then moved to CHANGE. */
async function seats(email: string, quantity = 1, price = 'price_pro_monthly') {
  const customer = await stripe.customers.create({ email });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price, quantity }],
  });
  at(CHANGE);
  return { customer, subscription, item: subscription.items.data[0]! };
}

const pending = async (customer: string) =>
  (await stripe.invoiceItems.list({ customer, pending: true })).data;

describe('proration_behavior on a quantity change', () => {
  it('create_prorations (the default) leaves a credit and a charge pending', async () => {
    const { customer, subscription, item } = await seats('prorate@example.com');
    expect(item.current_period_end).toBe(PERIOD_END);
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 3 }],
    });
    expect(updated.items.data[0]!.quantity).toBe(3);

    // Newest first: the charge was made after the credit.
    const [charge, credit] = await pending(customer.id);
    expect(credit).toMatchObject({
      object: 'invoiceitem',
      amount: -Math.round(1900 * REMAINING),
      currency: 'usd',
      customer: customer.id,
      description: 'Unused time on 1 × Pro after 05 Dec 2026',
      invoice: null,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id, subscription_item: item.id },
      },
      period: { start: CHANGE, end: PERIOD_END },
      pricing: { price_details: { price: 'price_pro_monthly', product: 'prod_pro' } },
      proration: true,
      quantity: 1,
    });
    expect(charge).toMatchObject({
      amount: Math.round(3 * 1900 * REMAINING),
      description: 'Remaining time on 3 × Pro after 05 Dec 2026',
      period: { start: CHANGE, end: PERIOD_END },
      proration: true,
      quantity: 3,
    });
    expect(credit!.id).toMatch(/^ii_/);
    expect(Math.abs(credit!.amount + charge!.amount - 2 * 1900 * REMAINING)).toBeLessThanOrEqual(1);
    expect(await stripe.invoiceItems.retrieve(charge!.id)).toEqual(charge);
    // Nothing is billed yet: the only invoice is the first one.
    expect((await stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
  });

  it('none changes the quantity without any proration', async () => {
    const { customer, subscription, item } = await seats('none@example.com');
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 3 }],
      proration_behavior: 'none',
    });
    expect(updated.items.data[0]!.quantity).toBe(3);
    expect(await pending(customer.id)).toEqual([]);
  });

  it('always_invoice bills the prorations at once in a paid invoice', async () => {
    const { customer, subscription, item } = await seats('always@example.com');
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 3 }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    const net = Math.round(3 * 1900 * REMAINING) - Math.round(1900 * REMAINING);
    expect(invoice).toMatchObject({
      status: 'paid',
      billing_reason: 'subscription_update',
      customer: customer.id,
      total: net,
      amount_due: net,
      amount_paid: net,
      amount_remaining: 0,
    });
    const lines = invoice.lines.data;
    expect(lines.map((line) => line.amount)).toEqual([
      -Math.round(1900 * REMAINING),
      Math.round(3 * 1900 * REMAINING),
    ]);
    expect(lines.every((line) => line.parent?.subscription_item_details?.proration)).toBe(true);

    expect(await pending(customer.id)).toEqual([]);
    const invoiced = await stripe.invoiceItems.list({ customer: customer.id, pending: false });
    expect(invoiced.data.map((each) => each.invoice)).toEqual([invoice.id, invoice.id]);
    expect(lines.map((line) => line.parent?.subscription_item_details?.invoice_item)).toEqual(
      invoiced.data.map((each) => each.id).reverse(),
    );
    const [paid, changed] = (await stripe.events.list({ limit: 2 })).data;
    expect([changed!.type, paid!.type]).toEqual(['customer.subscription.updated', 'invoice.paid']);
  });

  it('creates nothing when the quantity stays the same', async () => {
    const { customer, subscription, item } = await seats('same@example.com', 2);
    const before = (await stripe.events.list({ limit: 1 })).data[0]!;
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 2 }],
      proration_behavior: 'always_invoice',
    });
    expect(await pending(customer.id)).toEqual([]);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
    expect((await stripe.events.list({ limit: 1 })).data[0]!.id).toBe(before.id);
  });

  it('refuses an unknown behaviour with a 400 naming the parameter, changing nothing', async () => {
    const { customer, subscription, item } = await seats('enum@example.com');
    const error: unknown = await stripe.subscriptions
      .update(subscription.id, {
        items: [{ id: item.id, quantity: 3 }],
        proration_behavior: 'sometimes' as 'none',
      })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_enum',
      param: 'proration_behavior',
    });
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged.items.data[0]!.quantity).toBe(1);
    expect(await pending(customer.id)).toEqual([]);
  });

  it('prorates a price change in the same interval, but not a new interval', async () => {
    const { customer, subscription, item } = await seats('price@example.com', 2);
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_enterprise_monthly' }],
    });
    const [charge, credit] = await pending(customer.id);
    expect(credit).toMatchObject({
      amount: -Math.round(2 * 1900 * REMAINING),
      description: 'Unused time on 2 × Pro after 05 Dec 2026',
    });
    expect(charge).toMatchObject({
      amount: Math.round(2 * 9900 * REMAINING),
      description: 'Remaining time on 2 × Enterprise after 05 Dec 2026',
      pricing: { price_details: { price: 'price_enterprise_monthly' } },
    });

    // Monthly to yearly restarts the period: the emulator neither prorates nor bills it.
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_enterprise_yearly' }],
    });
    expect(await pending(customer.id)).toHaveLength(2);
  });

  it('answers 404 for an unknown invoice item', async () => {
    const error: unknown = await stripe.invoiceItems
      .retrieve('ii_nope')
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});

describe('the next invoice', () => {
  it('previews the pending prorations plus the next period, storing nothing', async () => {
    const { customer, subscription, item } = await seats('preview@example.com');
    await stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 3 }] });
    const credit = -Math.round(1900 * REMAINING);
    const charge = Math.round(3 * 1900 * REMAINING);

    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect(preview).toMatchObject({
      object: 'invoice',
      status: 'draft',
      billing_reason: 'upcoming',
      customer: customer.id,
      number: null,
      total: credit + charge + 5700,
      amount_due: credit + charge + 5700,
      amount_paid: 0,
      next_payment_attempt: PERIOD_END,
    });
    expect(preview.id).toMatch(/^upcoming_in_/);
    const lines = preview.lines.data;
    expect(
      lines.map((line) => [line.amount, line.parent?.subscription_item_details?.proration]),
    ).toEqual([
      [credit, true],
      [charge, true],
      [5700, false],
    ]);
    expect(lines[2]).toMatchObject({
      description: '3 × Pro',
      quantity: 3,
      period: { start: PERIOD_END, end: seconds('2027-02-01T00:00:00Z') },
    });

    const byCustomer = await stripe.invoices.createPreview({ customer: customer.id });
    expect(byCustomer.total).toBe(preview.total);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
    expect(await pending(customer.id)).toHaveLength(2);
  });

  it('takes the pending items into the next invoice it creates (a failed renewal)', async () => {
    const { customer, subscription, item } = await seats('renewal@example.com');
    await stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 3 }] });
    const items = await pending(customer.id);
    await emulator.simulatePaymentFailure(subscription.id);

    const pastDue = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ['latest_invoice'],
    });
    const invoice = pastDue.latest_invoice as Stripe.Invoice;
    const prorations = items.reduce((sum, each) => sum + each.amount, 0);
    expect(invoice).toMatchObject({ status: 'open', amount_due: prorations + 5700 });
    expect(await pending(customer.id)).toEqual([]);
    expect((await stripe.invoiceItems.retrieve(items[0]!.id)).invoice).toBe(invoice.id);
  });

  it('keeps a net credit on the customer balance and takes it off the next invoice', async () => {
    const { customer, subscription, item } = await seats('downgrade@example.com', 3);
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 1 }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    const net = Math.round(1900 * REMAINING) - Math.round(3 * 1900 * REMAINING);
    expect(invoice).toMatchObject({ total: net, amount_due: 0, ending_balance: net });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      balance: net,
    });
    const preview = await stripe.invoices.createPreview({ customer: customer.id });
    expect(preview).toMatchObject({ total: 1900, starting_balance: net, amount_due: 0 });
  });

  it('refuses what it cannot preview', async () => {
    const { customer, subscription } = await seats('nopreview@example.com');
    const change: unknown = await stripe.invoices
      .createPreview({
        subscription: subscription.id,
        subscription_details: { items: [{ price: 'price_pro_yearly' }] },
      })
      .catch((reason: unknown) => reason);
    expect(change).toMatchObject({ statusCode: 400, param: 'subscription_details' });
    await stripe.subscriptions.cancel(subscription.id);
    const none: unknown = await stripe.invoices
      .createPreview({ customer: customer.id })
      .catch((reason: unknown) => reason);
    expect(none).toMatchObject({ statusCode: 404, code: 'invoice_upcoming_none' });
  });
});
