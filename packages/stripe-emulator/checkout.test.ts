import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeEmulator } from './index';
import { postForm, startTestEmulator } from './test-helpers';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startTestEmulator());
});
afterAll(() => emulator.close());

const SUCCESS_URL = 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}';
const CANCEL_URL = 'http://app.test/billing?canceled=1';

async function newSession(
  price = 'price_pro_monthly',
  email = 'checkout@example.com',
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
) {
  const customer = await stripe.customers.create({ email });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price, quantity: 1 }],
    success_url: SUCCESS_URL,
    cancel_url: CANCEL_URL,
    ...extra,
  });
  return { customer, session };
}

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return error as Stripe.errors.StripeError;
}

describe('creating a Checkout Session', () => {
  it('returns an open session with a hosted URL', async () => {
    const { customer, session } = await newSession('price_pro_monthly', 'open@example.com', {
      client_reference_id: 'user_42',
      metadata: { userId: 'user_42' },
      subscription_data: { metadata: { userId: 'user_42' } },
    });
    expect(session.id).toMatch(/^cs_test_[0-9A-Za-z]+$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'subscription',
      status: 'open',
      payment_status: 'unpaid',
      customer: customer.id,
      subscription: null,
      url: `${emulator.url}/checkout/${session.id}`,
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      client_reference_id: 'user_42',
      metadata: { userId: 'user_42' },
      amount_total: 1900,
      currency: 'usd',
      livemode: false,
    });
    expect(session.expires_at).toBeGreaterThan(session.created);
  });

  it('creates a customer for customer_email', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'new-buyer@example.com',
      line_items: [{ price: 'price_pro_yearly' }],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
    });
    const customer = await stripe.customers.retrieve(String(session.customer));
    expect(customer).toMatchObject({ email: 'new-buyer@example.com' });
  });

  it('refuses a mode other than subscription, a missing URL and an unknown price', async () => {
    const customer = await stripe.customers.create({ email: 'refused@example.com' });
    const base = {
      customer: customer.id,
      line_items: [{ price: 'price_pro_monthly', quantity: 1 }],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
    };
    const payment = await rejection(stripe.checkout.sessions.create({ ...base, mode: 'payment' }));
    expect(payment).toMatchObject({ statusCode: 400, param: 'mode' });

    const noUrl = await rejection(
      stripe.checkout.sessions.create({ ...base, mode: 'subscription', success_url: undefined }),
    );
    expect(noUrl).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'success_url',
    });

    const badPrice = await rejection(
      stripe.checkout.sessions.create({
        ...base,
        mode: 'subscription',
        line_items: [{ price: 'price_nope', quantity: 1 }],
      }),
    );
    expect(badPrice).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
      message: "No such price: 'price_nope'",
    });

    const badCustomer = await rejection(
      stripe.checkout.sessions.create({ ...base, mode: 'subscription', customer: 'cus_nope' }),
    );
    expect(badCustomer).toMatchObject({ statusCode: 400, param: 'customer' });
  });
});

describe('the hosted checkout page', () => {
  it('shows the plan, the customer and a card form', async () => {
    const { session } = await newSession('price_enterprise_yearly', 'page@example.com');
    const response = await fetch(session.url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1>Checkout</h1>');
    expect(html).toContain('Enterprise');
    expect(html).toContain('$990.00 / year');
    expect(html).toContain('page@example.com');
    expect(html).toContain('<label for="card">Card number</label>');
    expect(html).toMatch(/<input id="card" name="card"[^>]*value="4242 4242 4242 4242"/);
    expect(html).toContain('<button type="submit">Pay</button>');
    expect(html).toContain(`<a href="${CANCEL_URL}">Cancel</a>`);
  });

  it('escapes what callers put on the page', async () => {
    const { session } = await newSession('price_pro_monthly', '<b>bold</b>@example.com');
    const html = await (await fetch(session.url!)).text();
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;@example.com');
  });

  it('answers 404 for an unknown session', async () => {
    const response = await fetch(`${emulator.url}/checkout/cs_test_unknown`);
    expect(response.status).toBe(404);
  });
});

describe('paying', () => {
  it('starts an active subscription, completes the session and redirects to success_url', async () => {
    const { customer, session } = await newSession('price_pro_monthly', 'payer@example.com', {
      subscription_data: { metadata: { userId: 'user_7' } },
    });
    const paid = await postForm(`${session.url}/pay`, { card: '4242 4242 4242 4242' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `http://app.test/billing/success?session_id=${session.id}`,
    );

    const completed = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription', 'customer'],
    });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect((completed.customer as Stripe.Customer).email).toBe('payer@example.com');
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      object: 'subscription',
      customer: customer.id,
      status: 'active',
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      currency: 'usd',
      metadata: { userId: 'user_7' },
      collection_method: 'charge_automatically',
    });
    expect(subscription.id).toMatch(/^sub_/);
    expect(subscription).not.toHaveProperty('current_period_end');

    const [item] = subscription.items.data;
    expect(item).toMatchObject({
      object: 'subscription_item',
      quantity: 1,
      subscription: subscription.id,
    });
    expect(item!.price).toMatchObject({
      id: 'price_pro_monthly',
      object: 'price',
      unit_amount: 1900,
    });
    const start = new Date(item!.current_period_start * 1000);
    const end = new Date(item!.current_period_end * 1000);
    expect(item!.current_period_start).toBe(subscription.start_date);
    expect((end.getUTCMonth() - start.getUTCMonth() + 12) % 12).toBe(1);

    const withInvoice = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ['latest_invoice', 'customer'],
    });
    const invoice = withInvoice.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      object: 'invoice',
      status: 'paid',
      amount_due: 1900,
      amount_paid: 1900,
      customer: customer.id,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id },
      },
    });
    expect((withInvoice.customer as Stripe.Customer).id).toBe(customer.id);

    const events = await stripe.events.list({ limit: 3 });
    expect(events.data.map((event) => event.type).reverse()).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    const completedEvent = events.data[0]!;
    expect(completedEvent).toMatchObject({
      object: 'event',
      api_version: '2026-10-28.endive',
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
    });
    expect(completedEvent.data.object).toMatchObject({
      id: session.id,
      subscription: subscription.id,
    });
  });

  it('gives a yearly price a one-year period', async () => {
    const { session } = await newSession('price_pro_yearly', 'yearly@example.com');
    await postForm(`${session.url}/pay`, { card: '4242424242424242' });
    const completed = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription'],
    });
    const item = (completed.subscription as Stripe.Subscription).items.data[0]!;
    const start = new Date(item.current_period_start * 1000);
    const end = new Date(item.current_period_end * 1000);
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(1);
  });

  it('declines 4000 0000 0000 0002 with a 402 page and leaves the session open', async () => {
    const { customer, session } = await newSession('price_pro_monthly', 'declined@example.com');
    const declined = await postForm(`${session.url}/pay`, { card: '4000 0000 0000 0002' });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toContain('Your card was declined.');
    expect(html).toContain('<button type="submit">Pay</button>');

    const still = await stripe.checkout.sessions.retrieve(session.id);
    expect(still).toMatchObject({ status: 'open', payment_status: 'unpaid', subscription: null });
    const subscriptions = await stripe.subscriptions.list({ customer: customer.id, status: 'all' });
    expect(subscriptions.data).toHaveLength(0);
  });

  it('shows a completed session without a Pay button, and refuses to pay it twice', async () => {
    const { session } = await newSession('price_pro_monthly', 'twice@example.com');
    await postForm(`${session.url}/pay`, { card: '4242 4242 4242 4242' });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('This checkout session is complete');
    expect(html).not.toContain('>Pay</button>');
    const again = await postForm(`${session.url}/pay`, { card: '4242 4242 4242 4242' });
    expect(again.status).toBe(409);
    const subscriptions = await stripe.subscriptions.list({ customer: String(session.customer) });
    expect(subscriptions.data).toHaveLength(1);
  });

  it('expires an open session, after which it cannot be paid', async () => {
    const { session } = await newSession('price_pro_monthly', 'expire@example.com');
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('This checkout session has expired.');
    expect(html).not.toContain('>Pay</button>');
    const again = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(again.statusCode).toBe(400);
  });
});
