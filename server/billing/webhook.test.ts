import { count, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs, billingAccounts, stripeEvents, subscriptions } from '@/db/schema';
import { asNewCaller, personalWorkspaceOf, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { payCheckout, TEST_WEBHOOK_SECRET, testBilling } from '@/test/helpers/stripe';

import { emulatorStripe, type Billing } from './stripe-client';
import { applySnapshotInTx } from './sync';
import { createStripeWebhookHandler } from './webhook-route';

// The webhook on its own: events are collected from the emulator (no automatic
// delivery in this file) and sent to the real route handler by the tests.
const { api, db } = testApi({ billing: () => stripe.billing() });
// Read lazily by the client, so it may be defined after it.
const stripe = testBilling(db);

const send = (payload: string, signature: string | null, billing = stripe.billing()) =>
  createStripeWebhookHandler({ getDb: async () => db(), billing: () => billing })(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
      body: payload,
    }),
  );

const sign = (payload: string, secret = TEST_WEBHOOK_SECRET) =>
  stripe.billing().stripe.webhooks.generateTestHeaderString({ payload, secret });

const deliver = (event: Stripe.Event) => {
  const payload = JSON.stringify(event, null, 2);
  return send(payload, sign(payload));
};

const eventCount = async () =>
  (await withServiceRole(db(), (tx) => tx.select({ value: count() }).from(stripeEvents)))[0]!.value;

/** Our copy of a user's (personal workspace's) billing state, comparable across runs. */
const stateOf = async (userId: string) => {
  const organizationId = await personalWorkspaceOf(db(), userId);
  return withServiceRole(db(), async (tx) => ({
    plan: (
      await tx
        .select({ plan: billingAccounts.plan })
        .from(billingAccounts)
        .where(eq(billingAccounts.organizationId, organizationId))
    )[0]?.plan,
    subscriptions: await tx
      .select({
        id: subscriptions.id,
        status: subscriptions.status,
        priceId: subscriptions.priceId,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
      })
      .from(subscriptions)
      .where(eq(subscriptions.organizationId, organizationId)),
  }));
};

/** Forgets everything we learnt from Stripe about this user (and every event id). */
const forgetState = async (userId: string) => {
  const organizationId = await personalWorkspaceOf(db(), userId);
  await withServiceRole(db(), async (tx) => {
    await tx.delete(subscriptions).where(eq(subscriptions.organizationId, organizationId));
    await tx
      .update(billingAccounts)
      .set({ plan: 'free' })
      .where(eq(billingAccounts.organizationId, organizationId));
    await tx.delete(stripeEvents).where(sql`true`);
  });
};

/** A user who paid for pro, then moved to enterprise and set it to cancel at period end. */
async function customerWithHistory() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  const checkout = await api.postJson(
    '/billing/checkout',
    { plan: 'pro' },
    { ...headers, cookie: user.cookie },
  );
  await payCheckout(((await checkout.json()).data as { url: string }).url);
  const client = stripe.billing().stripe;
  const organizationId = await personalWorkspaceOf(db(), user.userId);
  const [customerId] = (
    await withServiceRole(db(), (tx) =>
      tx
        .select({ id: billingAccounts.stripeCustomerId })
        .from(billingAccounts)
        .where(eq(billingAccounts.organizationId, organizationId)),
    )
  ).map((row) => row.id);
  const [subscription] = (await client.subscriptions.list({ customer: customerId })).data;
  await client.subscriptions.update(subscription!.id, {
    items: [{ id: subscription!.items.data[0]!.id, price: 'price_enterprise_monthly' }],
  });
  await client.subscriptions.update(subscription!.id, { cancel_at_period_end: true });
  const events = (await client.events.list({ limit: 100 })).data.filter(
    (event) => (event.data.object as { customer?: string }).customer === customerId,
  );
  return { user, events };
}

beforeAll(() => stripe.emulator().setWebhookUrl(undefined));

describe('POST /api/webhooks/stripe', () => {
  it('refuses a bad, missing or re-serialised signature with 400 and writes nothing', async () => {
    const { events } = await customerWithHistory();
    const payload = JSON.stringify(events[0], null, 2);
    const before = await eventCount();

    const wrongSecret = await send(payload, sign(payload, 'whsec_someone_else'));
    expect(wrongSecret.status).toBe(400);
    expect((await wrongSecret.json()).error.details.fields[0].path).toBe('stripe-signature');
    expect((await send(payload, null)).status).toBe(400);
    // Malformed headers: an empty signature, no timestamp, nothing at all.
    const now = Math.floor(Date.now() / 1000);
    for (const header of [`t=${now},v1=`, 't=,v1=', 'v1=', `t=${now}`, 'garbage']) {
      const malformed = await send(payload, header);
      expect(malformed.status, header).toBe(400);
      expect((await malformed.json()).error.details.fields[0].path).toBe('stripe-signature');
    }
    // The same event, re-serialised: the signature covers the exact bytes.
    expect((await send(JSON.stringify(JSON.parse(payload)), sign(payload))).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('applies a duplicate event once', async () => {
    const { user, events } = await customerWithHistory();
    const created = events.find((event) => event.type === 'customer.subscription.created')!;
    const first = await deliver(created);
    expect((await first.json()).data).toMatchObject({ duplicate: false, ignored: false });
    const auditRows = async () =>
      (
        await withServiceRole(db(), (tx) =>
          tx.select({ value: count() }).from(auditLogs).where(eq(auditLogs.actorId, user.userId)),
        )
      )[0]!.value;
    const rowsAfterFirst = await auditRows();
    const second = await deliver(created);
    expect(second.status).toBe(200);
    expect((await second.json()).data).toMatchObject({ duplicate: true });
    expect(await auditRows()).toBe(rowsAfterFirst);
    expect((await stateOf(user.userId)).plan).toBe('enterprise');
  });

  it('converges to Stripe’s state whatever the order of delivery', async () => {
    const { user, events } = await customerWithHistory();
    const orders = [events, [...events].reverse(), [...events].sort(() => Math.random() - 0.5)];
    const states = [];
    for (const order of orders) {
      await forgetState(user.userId);
      for (const event of order) expect((await deliver(event)).status).toBe(200);
      states.push(await stateOf(user.userId));
    }
    expect(states[0]).toMatchObject({
      plan: 'enterprise',
      subscriptions: [{ priceId: 'price_enterprise_monthly', cancelAtPeriodEnd: true }],
    });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });

  it('drops a snapshot older than the one already applied', async () => {
    const { user, events } = await customerWithHistory();
    expect((await deliver(events.at(-1)!)).status).toBe(200);
    const applied = await stateOf(user.userId);
    const organizationId = await personalWorkspaceOf(db(), user.userId);
    const [account] = await withServiceRole(db(), (tx) =>
      tx.select().from(billingAccounts).where(eq(billingAccounts.organizationId, organizationId)),
    );
    // A read that began before the applied one, finishing late: Stripe said "free".
    const stale = { customerId: account!.stripeCustomerId, readAt: new Date(0), subscriptions: [] };
    const context = { requestId: 'stale', clientIp: null, userAgent: null };
    const result = await withServiceRole(db(), (tx) => applySnapshotInTx(tx, stale, context));
    expect(result).toMatchObject({ plan: 'enterprise', previousPlan: 'enterprise' });
    expect(await stateOf(user.userId)).toEqual(applied);
  });

  it('a deleted Stripe customer puts the user back on free', async () => {
    const { user, events } = await customerWithHistory();
    expect((await deliver(events.at(-1)!)).status).toBe(200);
    const customerId = (events[0]!.data.object as { customer: string }).customer;
    const deleted = {
      id: `evt_deleted_${Date.now()}`,
      object: 'event',
      type: 'customer.deleted',
      data: { object: { id: customerId, object: 'customer', deleted: true } },
    } as unknown as Stripe.Event;
    expect((await deliver(deleted)).status).toBe(200);
    expect(await stateOf(user.userId)).toEqual({ plan: undefined, subscriptions: [] });
    const [audit] = await withServiceRole(db(), (tx) =>
      tx
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.action, 'billing.customer_deleted')),
    );
    expect(audit).toEqual({ action: 'billing.customer_deleted' });
  });

  it('acknowledges an event type it does not handle', async () => {
    const event = {
      id: `evt_unhandled_${Date.now()}`,
      object: 'event',
      type: 'customer.tax_id.created',
      data: { object: { id: 'txi_1', customer: 'cus_whoever' } },
    } as unknown as Stripe.Event;
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({ duplicate: false, ignored: true });
  });

  it('leaves nothing behind when Stripe fails mid-way, and applies on the retry', async () => {
    const { user, events } = await customerWithHistory();
    const created = events.find((event) => event.type === 'customer.subscription.created')!;
    const payload = JSON.stringify(created, null, 2);
    const down: Billing = {
      stripe: emulatorStripe('http://127.0.0.1:9'),
      webhookSecret: TEST_WEBHOOK_SECRET,
      mode: 'emulator',
    };
    const before = await eventCount();
    const failed = await send(payload, sign(payload), down);
    expect(failed.status).toBe(502);
    expect(await eventCount()).toBe(before);
    expect(await stateOf(user.userId)).toMatchObject({ plan: 'free', subscriptions: [] });

    const retried = await send(payload, sign(payload));
    expect(retried.status).toBe(200);
    expect((await stateOf(user.userId)).plan).toBe('enterprise');
  });
});
