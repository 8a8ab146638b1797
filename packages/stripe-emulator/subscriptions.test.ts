import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeEmulator } from './index';
import { startTestEmulator, subscribedCustomer } from './test-helpers';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startTestEmulator());
});
afterAll(() => emulator.close());

describe('subscriptions through the API', () => {
  it('sets and clears cancel_at_period_end, with one updated event per request', async () => {
    const { subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'api-cancel@example.com',
    );
    const canceling = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
      metadata: { reason: 'too expensive' },
    });
    expect(canceling).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: subscription.items.data[0]!.current_period_end,
      metadata: { reason: 'too expensive' },
    });
    const events = await stripe.events.list({ type: 'customer.subscription.updated', limit: 1 });
    expect(events.data[0]!.data.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      metadata: {},
    });

    const renewed = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: false,
    });
    expect(renewed).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
  });

  it('switches the price of an item; a new interval restarts the period', async () => {
    const { subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'api-switch@example.com',
    );
    const item = subscription.items.data[0]!;
    const switched = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_enterprise_yearly' }],
      proration_behavior: 'create_prorations',
    });
    expect(switched.items.data).toHaveLength(1);
    const [after] = switched.items.data;
    expect(after).toMatchObject({ id: item.id, price: { id: 'price_enterprise_yearly' } });
    const years =
      new Date(after!.current_period_end * 1000).getUTCFullYear() -
      new Date(after!.current_period_start * 1000).getUTCFullYear();
    expect(years).toBe(1);

    const listed = await stripe.subscriptions.list({ price: 'price_enterprise_yearly' });
    expect(listed.data.map((each) => each.id)).toContain(subscription.id);
  });

  it('refuses an unknown price or item without changing anything', async () => {
    const { subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'api-bad@example.com',
    );
    const item = subscription.items.data[0]!;
    const badPrice: unknown = await stripe.subscriptions
      .update(subscription.id, {
        items: [{ id: item.id, price: 'price_nope' }],
        metadata: { a: 'b' },
      })
      .catch((error: unknown) => error);
    expect(badPrice).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(badPrice).toMatchObject({ param: 'items[0][price]', code: 'resource_missing' });
    const badItem: unknown = await stripe.subscriptions
      .update(subscription.id, { items: [{ id: 'si_nope', price: 'price_pro_yearly' }] })
      .catch((error: unknown) => error);
    expect(badItem).toMatchObject({ param: 'items[0][id]', statusCode: 400 });
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged.metadata).toEqual({});
    expect(unchanged.items.data[0]!.price.id).toBe('price_pro_monthly');
  });

  it('cancels with DELETE and refuses to change a canceled subscription', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'api-del@example.com',
    );
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', ended_at: expect.any(Number) });
    const deleted = await stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 });
    expect((deleted.data[0]!.data.object as Stripe.Subscription).id).toBe(subscription.id);

    const error: unknown = await stripe.subscriptions
      .update(subscription.id, { cancel_at_period_end: true })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const ended = await stripe.subscriptions.list({ customer: customer.id, status: 'canceled' });
    expect(ended.data.map((each) => each.id)).toEqual([subscription.id]);
  });

  it('answers 404 resource_missing for an unknown subscription', async () => {
    const error: unknown = await stripe.subscriptions
      .retrieve('sub_nope')
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such subscription: 'sub_nope'",
    });
  });

  it('creates an active subscription directly (an emulator shortcut)', async () => {
    const customer = await stripe.customers.create({ email: 'direct@example.com' });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: 'price_pro_monthly' }],
    });
    expect(subscription.status).toBe('active');
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data).toHaveLength(1);
    expect(invoices.data[0]).toMatchObject({ status: 'paid', amount_paid: 1900 });
    const bySubscription = await stripe.invoices.list({ subscription: subscription.id });
    expect(bySubscription.data[0]!.id).toBe(subscription.latest_invoice);
  });

  it('simulatePaymentFailure makes a subscription past_due, as the portal button does', async () => {
    const { subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'hook@example.com',
    );
    await emulator.simulatePaymentFailure(subscription.id);
    const pastDue = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ['latest_invoice'],
    });
    expect(pastDue.status).toBe('past_due');
    expect((pastDue.latest_invoice as Stripe.Invoice).status).toBe('open');
    const [updated, failed] = (await stripe.events.list({ limit: 2 })).data;
    expect([failed!.type, updated!.type]).toEqual([
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
    await expect(emulator.simulatePaymentFailure('sub_nope')).rejects.toThrow(
      "No such subscription: 'sub_nope'",
    );
  });

  it('retrieves events by id and filters by type prefix', async () => {
    const events = await stripe.events.list({ type: 'customer.subscription.*', limit: 100 });
    expect(events.data.length).toBeGreaterThan(0);
    expect(events.data.every((event) => event.type.startsWith('customer.subscription.'))).toBe(
      true,
    );
    const one = await stripe.events.retrieve(events.data[0]!.id);
    expect(one.id).toBe(events.data[0]!.id);
  });
});
