import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeEmulator } from './index';
import { postForm, startTestEmulator, subscribedCustomer } from './test-helpers';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startTestEmulator());
});
afterAll(() => emulator.close());

const RETURN_URL = 'http://app.test/settings/billing';

async function portalFor(customer: string) {
  return stripe.billingPortal.sessions.create({ customer, return_url: RETURN_URL });
}

/** Submits a portal button; the portal answers 303 back to itself. */
async function press(portalUrl: string, action: string, fields: Record<string, string>) {
  const response = await postForm(`${portalUrl}/${action}`, fields);
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(portalUrl);
}

/** The newest event of `type` about `subscriptionId`. */
async function latestEvent(type: string, objectId: string): Promise<Stripe.Event> {
  const events = await stripe.events.list({ type, limit: 100 });
  const event = events.data.find(
    (candidate) => (candidate.data.object as { id: string }).id === objectId,
  );
  if (!event) throw new Error(`no ${type} for ${objectId}`);
  return event;
}

describe('billing portal sessions', () => {
  it('creates a session with a hosted URL', async () => {
    const customer = await stripe.customers.create({ email: 'portal@example.com' });
    const session = await portalFor(customer.id);
    expect(session.id).toMatch(/^bps_/);
    expect(session).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: RETURN_URL,
      url: `${emulator.url}/portal/${session.id}`,
      livemode: false,
    });
  });

  it('requires an existing customer', async () => {
    const error: unknown = await stripe.billingPortal.sessions
      .create({ customer: 'cus_nope' })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: 'resource_missing', param: 'customer', statusCode: 400 });
  });
});

describe('the hosted portal page', () => {
  it('lists the subscription with its actions', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'list@example.com',
    );
    const session = await portalFor(customer.id);
    const html = await (await fetch(session.url)).text();
    const renewal = new Date(subscription.items.data[0]!.current_period_end * 1000)
      .toISOString()
      .slice(0, 10);
    expect(html).toContain('<h1>Billing portal</h1>');
    expect(html).toContain('list@example.com');
    expect(html).toContain('Pro monthly');
    expect(html).toContain('Status: <strong>active</strong>');
    expect(html).toContain(`Renews on ${renewal}`);
    for (const label of [
      'Switch to Pro yearly',
      'Switch to Enterprise monthly',
      'Switch to Enterprise yearly',
      'Cancel at period end',
      'Cancel now',
      'Simulate failed payment',
    ]) {
      expect(html).toContain(`<button type="submit">${label}</button>`);
    }
    expect(html).not.toContain('Switch to Pro monthly');
    expect(html).toContain(`<a href="${RETURN_URL}">Return</a>`);
  });

  it('answers 404 for an unknown portal session', async () => {
    expect((await fetch(`${emulator.url}/portal/bps_unknown`)).status).toBe(404);
  });
});

describe('portal actions', () => {
  it('switches the plan and emits customer.subscription.updated with previous_attributes', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'switch@example.com',
    );
    const session = await portalFor(customer.id);
    await press(session.url, 'switch', {
      subscription: subscription.id,
      price: 'price_enterprise_monthly',
    });

    const switched = await stripe.subscriptions.retrieve(subscription.id);
    const [item] = switched.items.data;
    expect(item!.id).toBe(subscription.items.data[0]!.id);
    expect(item!.price.id).toBe('price_enterprise_monthly');
    // Same interval: the billing period is kept.
    expect(item!.current_period_end).toBe(subscription.items.data[0]!.current_period_end);

    const event = await latestEvent('customer.subscription.updated', subscription.id);
    const previous = event.data.previous_attributes as {
      items: Stripe.ApiList<Stripe.SubscriptionItem>;
    };
    expect(previous.items.data[0]!.price.id).toBe('price_pro_monthly');
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('Enterprise monthly');
    expect(html).toContain('Switch to Pro monthly');
  });

  it('cancels at period end, then renews', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'period@example.com',
    );
    const session = await portalFor(customer.id);
    await press(session.url, 'cancel-at-period-end', { subscription: subscription.id });

    const canceling = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceling).toMatchObject({ status: 'active', cancel_at_period_end: true });
    expect(canceling.cancel_at).toBe(canceling.items.data[0]!.current_period_end);
    const event = await latestEvent('customer.subscription.updated', subscription.id);
    expect(event.data.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });

    const html = await (await fetch(session.url)).text();
    expect(html).toContain('Cancels on');
    expect(html).toContain('<button type="submit">Renew subscription</button>');
    expect(html).not.toContain('>Cancel at period end</button>');

    await press(session.url, 'renew', { subscription: subscription.id });
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
    });
  });

  it('cancels now and emits customer.subscription.deleted', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_yearly',
      'now@example.com',
    );
    const session = await portalFor(customer.id);
    await press(session.url, 'cancel-now', { subscription: subscription.id });

    const canceled = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceled.status).toBe('canceled');
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    expect(canceled.ended_at).toEqual(expect.any(Number));
    const event = await latestEvent('customer.subscription.deleted', subscription.id);
    expect((event.data.object as Stripe.Subscription).status).toBe('canceled');

    const html = await (await fetch(session.url)).text();
    expect(html).toContain('You have no active subscriptions.');
    // Listing without a status leaves canceled subscriptions out, as Stripe does.
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect(
      (await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data,
    ).toHaveLength(1);
  });

  it('simulates a failed payment (past_due, open invoice) and a successful retry', async () => {
    const { customer, subscription } = await subscribedCustomer(
      stripe,
      'price_pro_monthly',
      'fail@example.com',
    );
    const session = await portalFor(customer.id);
    await press(session.url, 'fail-payment', { subscription: subscription.id });

    const pastDue = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ['latest_invoice'],
    });
    expect(pastDue.status).toBe('past_due');
    const invoice = pastDue.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: 'open',
      amount_due: 1900,
      amount_paid: 0,
      customer: customer.id,
    });
    const failed = await latestEvent('invoice.payment_failed', invoice.id);
    expect((failed.data.object as Stripe.Invoice).status).toBe('open');
    const updated = await latestEvent('customer.subscription.updated', subscription.id);
    expect(updated.data.previous_attributes).toMatchObject({ status: 'active' });
    expect(updated.created).toBeGreaterThanOrEqual(failed.created);

    const html = await (await fetch(session.url)).text();
    expect(html).toContain('Status: <strong>past_due</strong>');
    await press(session.url, 'retry-payment', { subscription: subscription.id });
    const recovered = await stripe.subscriptions.retrieve(subscription.id);
    expect(recovered.status).toBe('active');
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid');
  });

  it("refuses to act on another customer's subscription", async () => {
    const victim = await subscribedCustomer(stripe, 'price_pro_monthly', 'victim@example.com');
    const attacker = await stripe.customers.create({ email: 'attacker@example.com' });
    const session = await portalFor(attacker.id);
    const response = await postForm(`${session.url}/cancel-now`, {
      subscription: victim.subscription.id,
    });
    expect(response.status).toBe(404);
    expect((await stripe.subscriptions.retrieve(victim.subscription.id)).status).toBe('active');
    const unknownAction = await postForm(`${session.url}/delete-everything`, {
      subscription: victim.subscription.id,
    });
    expect(unknownAction.status).toBe(404);
  });
});
