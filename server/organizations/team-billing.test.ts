import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { stripeEvents, subscriptions } from '@/db/schema';
import { syncSeats } from '@/server/billing/seats';
import { emulatorStripe, type Billing } from '@/server/billing/stripe-client';
import { syncAllCustomersAsService } from '@/server/billing/sync-all';
import { TIER_LIMITS } from '@/server/platform/infra/rate-limit/config';
import { asNewCaller, signedInAdmin, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { organizationSteps, type TestUser } from '@/test/helpers/organizations';
import { payCheckout, TEST_WEBHOOK_SECRET, testBilling } from '@/test/helpers/stripe';

// A team billed per seat, through the REST API, the real Stripe SDK and the local
// emulator (whose webhooks reach the real webhook route on the test database).
const { api, db } = testApi({ billing: () => unreachable ?? stripe.billing() });
// Set to a Billing whose Stripe does not answer, for the outage test.
let unreachable: Billing | undefined;
const stripe = testBilling(db);
const { call, teamOf, invite, memberOf, keyOf } = organizationSteps(api, db);

/** A team of `members` people (the owner included) on Pro, paid through checkout. */
async function payingTeam(members: number) {
  const owner = await signedInUser(api, db());
  const team = await teamOf(owner);
  for (let added = 1; added < members; added += 1) await memberOf(owner, team);
  const checkout = await call(owner, 'POST', `/organizations/${team}/billing/checkout`, {
    plan: 'pro',
  });
  expect(checkout.status, checkout.error?.message).toBe(201);
  expect((await payCheckout(checkout.data.url)).status).toBe(303);
  const sessionId = await openedSessionOf(checkout.data.url);
  const confirmed = await call(
    owner,
    'POST',
    `/organizations/${team}/billing/checkout/${sessionId}/confirm`,
  );
  expect(confirmed.status, confirmed.error?.message).toBe(200);
  // Its webhooks applied: none arrives late, in the middle of the next steps.
  await stripe.emulator().flushWebhooks();
  return { owner, team };
}

/** The Checkout Session id behind a hosted checkout URL (the emulator's …/cs_…). */
async function openedSessionOf(url: string) {
  const id = new URL(url).pathname.split('/').find((part) => part.startsWith('cs_'));
  if (!id) throw new Error(`no session id in ${url}`);
  return id;
}

const overviewOf = async (user: TestUser, team: string) => {
  const overview = await call(user, 'GET', `/organizations/${team}/billing`);
  expect(overview.status, overview.error?.message).toBe(200);
  return overview.data;
};

/** The quantity Stripe bills, and the pending proration amounts, for the team. */
async function stripeSeats(owner: TestUser, team: string) {
  const { subscription } = await overviewOf(owner, team);
  const client = stripe.billing().stripe;
  const live = await client.subscriptions.retrieve(subscription.id);
  const pending = await client.invoiceItems.list({
    customer: live.customer as string,
    pending: true,
  });
  return {
    quantity: live.items.data[0]!.quantity,
    prorations: pending.data.filter((item) => item.proration).map((item) => item.amount),
  };
}

/** The quantity Stripe bills, once it settles (a seat sync may outlast its request). */
const billedSeats = (owner: TestUser, team: string) =>
  expect.poll(async () => (await stripeSeats(owner, team)).quantity);

/** Runs `steps` with no webhook delivered, so that only the app's own calls act. */
async function withoutWebhooks(steps: () => Promise<void>) {
  await stripe.emulator().flushWebhooks();
  stripe.emulator().setWebhookUrl(undefined);
  try {
    await steps();
  } finally {
    stripe.emulator().setWebhookUrl(stripe.webhookUrl());
  }
}

describe('billing an organization per seat', () => {
  it('checks out one seat per member, and the billing page shows them', async () => {
    const { owner, team } = await payingTeam(2);
    const overview = await overviewOf(owner, team);
    expect(overview).toMatchObject({
      plan: 'pro',
      subscription: { status: 'active', quantity: 2 },
      usage: { seats: { used: 2, limit: null }, apiKeys: { used: 0, limit: 20 } },
    });
    expect((await stripeSeats(owner, team)).quantity).toBe(2);
    // The admin area lists the team with its plan and the seats it pays for.
    const slug = (await call(owner, 'GET', `/organizations/${team}`)).data.slug;
    const listed = await call(
      await signedInAdmin(api, db()),
      'GET',
      `/admin/organizations?query=${slug}`,
    );
    expect(listed.data.items).toEqual([
      expect.objectContaining({
        id: team,
        plan: 'pro',
        subscription: { status: 'active', seats: 2 },
      }),
    ]);
    // The owner's personal workspace is billed apart, and stays free.
    expect((await call(owner, 'GET', '/billing/subscription')).data).toMatchObject({
      plan: 'free',
      subscription: null,
      usage: { seats: { used: 1, limit: 5 } },
    });
  });

  it('follows joins and removals in Stripe, prorated, and in our copy', async () => {
    const { owner, team } = await payingTeam(1);
    const joined = await memberOf(owner, team);
    await billedSeats(owner, team).toBe(2);
    expect((await overviewOf(owner, team)).subscription.quantity).toBe(2);
    // Mid-period: a credit for the old quantity and a charge for the new one.
    const { prorations } = await stripeSeats(owner, team);
    expect(prorations.some((amount) => amount < 0)).toBe(true);
    expect(prorations.reduce((sum, amount) => sum + amount, 0)).toBeGreaterThan(0);

    expect(
      (await call(owner, 'DELETE', `/organizations/${team}/members/${joined.userId}`)).status,
    ).toBe(200);
    await billedSeats(owner, team).toBe(1);
    expect((await overviewOf(owner, team)).subscription.quantity).toBe(1);
  });

  it('ends on the member count when people join and leave at once', async () => {
    const { owner, team } = await payingTeam(3);
    const members = (await call(owner, 'GET', `/organizations/${team}/members`)).data.items;
    const leaving = members.filter((member: { role: string }) => member.role !== 'owner');
    const invitees = await Promise.all(
      [0, 1, 2].map(async () => {
        const user = await signedInUser(api, db());
        return { user, token: (await invite(owner, team, user.email)).token };
      }),
    );
    const results = await Promise.all([
      ...invitees.map(({ user, token }) => call(user, 'POST', '/invitations/accept', { token })),
      ...leaving.map((member: { userId: string }) =>
        call(owner, 'DELETE', `/organizations/${team}/members/${member.userId}`),
      ),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    // 3 + 3 − 2 members.
    await billedSeats(owner, team).toBe(4);
    expect(await overviewOf(owner, team)).toMatchObject({
      subscription: { quantity: 4 },
      usage: { seats: { used: 4 } },
    });
  });

  it('lets billing members, admins and owners see it; a member is refused', async () => {
    const { owner, team } = await payingTeam(1);
    const accountant = await memberOf(owner, team, 'billing');
    const admin = await memberOf(owner, team, 'admin');
    const member = await memberOf(owner, team, 'member');
    expect((await overviewOf(accountant, team)).subscription.quantity).toBe(4);
    expect((await overviewOf(admin, team)).subscription.quantity).toBe(4);
    const refused = await call(member, 'GET', `/organizations/${team}/billing`);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/billing:read/);
    const portal = await call(member, 'POST', `/organizations/${team}/billing/portal`);
    expect(portal.status).toBe(403);
  });

  it('refuses to delete a team that Stripe will bill again, until it is set to end', async () => {
    const { owner, team } = await payingTeam(1);
    const slug = (await call(owner, 'GET', `/organizations/${team}`)).data.slug;
    const remove = () => call(owner, 'DELETE', `/organizations/${team}?confirm=${slug}`);
    const refused = await remove();
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/subscription that renews: cancel it first/);
    // Stripe is asked, not only our copy (a webhook may still be on its way).
    const { subscription } = await overviewOf(owner, team);
    await withServiceRole(db(), (tx) =>
      tx.delete(subscriptions).where(eq(subscriptions.id, subscription.id)),
    );
    expect((await remove()).status).toBe(409);
    // Cancelled at the period's end (as the portal does), the team may go.
    await stripe.billing().stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
    await stripe.emulator().flushWebhooks();
    expect((await remove()).status).toBe(200);
  });

  it("gives the team's keys, and its members' sessions, the team's rate-limit tier", async () => {
    const { owner, team } = await payingTeam(1);
    const member = await memberOf(owner, team);
    const limitOf = async (auth: Record<string, string>) =>
      (await api.rest('/me', { headers: { ...auth, ...asNewCaller() } })).headers.get(
        'ratelimit-limit',
      );
    const teamKey = await keyOf(member, team, ['members:read']);
    expect(await limitOf({ authorization: `Bearer ${teamKey}` })).toBe(
      String(TIER_LIMITS.pro.requests),
    );
    expect(await limitOf({ cookie: member.cookie })).toBe(String(TIER_LIMITS.pro.requests));
    // Their personal key acts in their personal workspace, which is on Free.
    const personal = await call(member, 'POST', '/api-keys', {
      name: 'mine',
      scopes: ['profile:read'],
    });
    expect(await limitOf({ authorization: `Bearer ${personal.data.key}` })).toBe(
      String(TIER_LIMITS.free.requests),
    );
  });

  it('converges on the seats Stripe bills, whatever order and however often events come', async () => {
    const { owner, team } = await payingTeam(1);
    const joined = await memberOf(owner, team);
    await memberOf(owner, team);
    await call(owner, 'DELETE', `/organizations/${team}/members/${joined.userId}`);
    await stripe.emulator().flushWebhooks();
    const { subscription } = await overviewOf(owner, team);
    const client = stripe.billing().stripe;
    const customer = (await client.subscriptions.retrieve(subscription.id)).customer as string;
    const events = (
      await client.events.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })
    ).filter((event) => (event.data.object as { customer?: string }).customer === customer);
    const deliver = async (event: Stripe.Event) => {
      const payload = JSON.stringify(event);
      const signature = client.webhooks.generateTestHeaderString({
        payload,
        secret: TEST_WEBHOOK_SECRET,
      });
      const response = await stripe.webhookHandler()(
        new Request('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: payload,
        }),
      );
      expect(response.status).toBe(200);
    };
    const shuffled = [...events, ...events].sort(() => Math.random() - 0.5);
    for (const order of [[...events].reverse(), shuffled]) {
      // Forget what the webhooks taught us, then let the events teach it again.
      await withServiceRole(db(), async (tx) => {
        await tx.delete(subscriptions).where(eq(subscriptions.id, subscription.id));
        await tx.execute(
          sql`update billing_accounts set synced_at = null, plan = 'free' where stripe_customer_id = ${customer}`,
        );
        await tx.delete(stripeEvents).where(sql`true`);
      });
      for (const event of order) await deliver(event);
      expect(await overviewOf(owner, team)).toMatchObject({
        plan: 'pro',
        subscription: { id: subscription.id, quantity: 2 },
        usage: { seats: { used: 2 } },
      });
    }
  });

  it('a seat sync that a newer one overtook reads the count again and sets it', async () => {
    const { owner, team } = await payingTeam(1);
    const client = stripe.billing().stripe;
    const join = async () => {
      const user = await signedInUser(api, db());
      await withServiceRole(db(), (tx) =>
        tx.execute(sql`insert into memberships (organization_id, user_id, role)
                       values (${team}, ${user.userId}, 'member')`),
      );
    };
    // A sync whose update to Stripe is held until the gate opens.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let arrived!: () => void;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    const held = new Proxy(client, {
      get(target, property) {
        if (property !== 'subscriptions') return Reflect.get(target, property);
        return new Proxy(target.subscriptions, {
          get(subscriptions, name) {
            const value = Reflect.get(subscriptions, name);
            if (name !== 'update')
              return typeof value === 'function' ? value.bind(subscriptions) : value;
            return async (...args: Parameters<typeof subscriptions.update>) => {
              arrived();
              await gate;
              return subscriptions.update(...args);
            };
          },
        });
      },
    });
    const audit = { requestId: 'seats', clientIp: null, userAgent: null };
    // No webhooks: their own seat syncs would mend what this test breaks on purpose.
    await withoutWebhooks(async () => {
      await join();
      const slow = syncSeats(db(), held, team, audit); // read 2, waits
      await waiting;
      await join();
      expect(await syncSeats(db(), client, team, audit)).toMatchObject({ seats: 3 });
      open(); // the overtaken update lands last, with 2…
      expect(await slow).toMatchObject({ seats: 3 }); // …and its second round puts 3 back.
      expect((await stripeSeats(owner, team)).quantity).toBe(3);
    });
  });

  it('keeps a member who joins while Stripe is down; the reconciliation bills the seat', async () => {
    const { owner, team } = await payingTeam(1);
    unreachable = { ...stripe.billing(), stripe: emulatorStripe('http://127.0.0.1:9') };
    try {
      await memberOf(owner, team); // accepted (200) although the seat sync failed
    } finally {
      unreachable = undefined;
    }
    expect((await overviewOf(owner, team)).usage.seats.used).toBe(2);
    expect((await stripeSeats(owner, team)).quantity).toBe(1);
    const report = await syncAllCustomersAsService(db(), stripe.billing().stripe);
    expect(report.seatChanges).toBeGreaterThanOrEqual(1);
    expect((await stripeSeats(owner, team)).quantity).toBe(2);
  });

  it('expires a team’s open checkouts when it is deleted, so nobody pays for it after', async () => {
    const owner = await signedInUser(api, db());
    const team = await teamOf(owner);
    const checkout = await call(owner, 'POST', `/organizations/${team}/billing/checkout`, {
      plan: 'pro',
    });
    const slug = (await call(owner, 'GET', `/organizations/${team}`)).data.slug;
    expect((await call(owner, 'DELETE', `/organizations/${team}?confirm=${slug}`)).status).toBe(
      200,
    );
    const session = await stripe
      .billing()
      .stripe.checkout.sessions.retrieve(await openedSessionOf(checkout.data.url));
    expect(session.status).toBe('expired');
  });

  it('bills a member who joined while the buyer was paying', async () => {
    const owner = await signedInUser(api, db());
    const team = await teamOf(owner);
    const checkout = await call(owner, 'POST', `/organizations/${team}/billing/checkout`, {
      plan: 'pro',
    });
    await memberOf(owner, team); // no subscription yet: nothing to sync
    // The success page's confirmation alone (the webhooks would do it too).
    await withoutWebhooks(async () => {
      expect((await payCheckout(checkout.data.url)).status).toBe(303);
      const sessionId = await openedSessionOf(checkout.data.url);
      await call(owner, 'POST', `/organizations/${team}/billing/checkout/${sessionId}/confirm`);
      expect((await stripeSeats(owner, team)).quantity).toBe(2);
    });
  });
});
