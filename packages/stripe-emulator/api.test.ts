import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeEmulator } from './index';
import { sdkFor, startTestEmulator } from './test-helpers';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startTestEmulator());
});
afterAll(() => emulator.close());

/** The rejection of `promise`, which must be a Stripe SDK error. */
async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe('authentication and routing', () => {
  it('refuses a request without a test key with 401', async () => {
    const response = await fetch(`${emulator.url}/v1/customers`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
    });
    const error = await stripeError(sdkFor(emulator, 'sk_live_nope').customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it('answers an unknown route with a Stripe 404', async () => {
    const response = await fetch(`${emulator.url}/v1/nothing/here`, {
      headers: { authorization: 'Bearer sk_test_x' },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toBe('Unrecognized request URL (GET: /v1/nothing/here)');
  });
});

describe('customers', () => {
  it('creates, retrieves, updates and lists by email', async () => {
    const created = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { userId: 'user_1', plan: 'free' },
    });
    expect(created).toMatchObject({
      object: 'customer',
      email: 'ada@example.com',
      name: 'Ada',
      livemode: false,
      metadata: { userId: 'user_1', plan: 'free' },
    });
    expect(created.id).toMatch(/^cus_[0-9A-Za-z]{14}$/);
    expect(created.created).toBeCloseTo(Date.now() / 1000, -1);

    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched).toEqual(created);

    // An empty metadata value deletes the key; the others merge.
    const updated = await stripe.customers.update(created.id, {
      email: 'ada@lovelace.dev',
      metadata: { plan: '', team: 'core' },
    });
    expect(updated.email).toBe('ada@lovelace.dev');
    expect(updated.metadata).toEqual({ userId: 'user_1', team: 'core' });

    await stripe.customers.create({ email: 'other@example.com' });
    const byEmail = await stripe.customers.list({ email: 'ada@lovelace.dev' });
    expect(byEmail.data.map((customer) => customer.id)).toEqual([created.id]);
    expect(byEmail).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
  });

  it('lists newest first and pages with limit and starting_after', async () => {
    const emails = ['p1@example.com', 'p2@example.com', 'p3@example.com'];
    for (const email of emails) await stripe.customers.create({ email, metadata: { page: 'yes' } });
    const first = await stripe.customers.list({ limit: 2 });
    expect(first.data.map((customer) => customer.email)).toEqual([emails[2], emails[1]]);
    expect(first.has_more).toBe(true);
    const next = await stripe.customers.list({ limit: 2, starting_after: first.data[1]!.id });
    expect(next.data[0]!.email).toBe(emails[0]);
  });

  it('surfaces unknown ids and bad parameters as StripeInvalidRequestError', async () => {
    const missing = await stripeError(stripe.customers.retrieve('cus_doesnotexist'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_doesnotexist'",
    });

    const badEmail = await stripeError(stripe.customers.create({ email: 'not-an-email' }));
    expect(badEmail).toMatchObject({ statusCode: 400, code: 'email_invalid', param: 'email' });

    const badLimit = await stripeError(stripe.customers.list({ limit: 500 }));
    expect(badLimit).toMatchObject({ statusCode: 400, param: 'limit' });
  });
});

describe('idempotency', () => {
  it('replays the first answer for a repeated key', async () => {
    const key = `idem-${Date.now()}`;
    const first = await stripe.customers.create(
      { email: 'once@example.com' },
      { idempotencyKey: key },
    );
    const again = await stripe.customers.create(
      { email: 'once@example.com' },
      { idempotencyKey: key },
    );
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const listed = await stripe.customers.list({ email: 'once@example.com' });
    expect(listed.data).toHaveLength(1);
  });

  it('refuses a key reused with other parameters', async () => {
    const key = `idem-other-${Date.now()}`;
    await stripe.customers.create({ email: 'first@example.com' }, { idempotencyKey: key });
    const error = await stripeError(
      stripe.customers.create({ email: 'second@example.com' }, { idempotencyKey: key }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it('does not keep a refused request, so the key works once the request is fixed', async () => {
    const key = `idem-fix-${Date.now()}`;
    await stripeError(stripe.customers.create({ email: 'broken' }, { idempotencyKey: key }));
    const fixed = await fetch(`${emulator.url}/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_x',
        'idempotency-key': key,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'email=fixed%40example.com',
    });
    expect(fixed.status).toBe(200);
  });
});

describe('catalog', () => {
  it('seeds the default products and prices', async () => {
    const price = await stripe.prices.retrieve('price_pro_monthly', { expand: ['product'] });
    expect(price).toMatchObject({
      object: 'price',
      active: true,
      currency: 'usd',
      unit_amount: 1900,
      type: 'recurring',
      lookup_key: 'pro_monthly',
      recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' },
      product: { id: 'prod_pro', object: 'product', name: 'Pro' },
    });
    const enterprise = await stripe.prices.retrieve('price_enterprise_yearly');
    expect(enterprise).toMatchObject({ unit_amount: 99000, product: 'prod_enterprise' });
    expect(enterprise.recurring?.interval).toBe('year');
  });

  it('creates products and prices and lists prices by lookup_keys, product and active', async () => {
    const product = await stripe.products.create({ name: 'Team' });
    const monthly = await stripe.prices.create({
      product: product.id,
      unit_amount: 4900,
      currency: 'usd',
      recurring: { interval: 'month' },
      lookup_key: 'team_monthly',
    });
    const yearly = await stripe.prices.create({
      product: product.id,
      unit_amount: 49000,
      currency: 'USD',
      recurring: { interval: 'year' },
      lookup_key: 'team_yearly',
    });
    expect(yearly.currency).toBe('usd');

    const byKeys = await stripe.prices.list({ lookup_keys: ['team_monthly', 'pro_yearly'] });
    expect(byKeys.data.map((price) => price.id).sort()).toEqual(
      [monthly.id, 'price_pro_yearly'].sort(),
    );
    const byProduct = await stripe.prices.list({ product: product.id, active: true });
    expect(byProduct.data.map((price) => price.id)).toEqual([yearly.id, monthly.id]);
    const expanded = await stripe.prices.list({ product: product.id, expand: ['data.product'] });
    expect((expanded.data[0]!.product as Stripe.Product).name).toBe('Team');
  });

  it('keeps lookup keys unique unless transferred', async () => {
    const error = await stripeError(
      stripe.prices.create({
        product: 'prod_pro',
        unit_amount: 2900,
        currency: 'usd',
        recurring: { interval: 'month' },
        lookup_key: 'pro_monthly',
      }),
    );
    expect(error.param).toBe('lookup_key');
  });

  it('names a missing required parameter', async () => {
    const error = await stripeError(
      stripe.prices.create({
        product: 'prod_pro',
        currency: 'usd',
        recurring: { interval: 'month' },
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'unit_amount',
    });
  });
});
