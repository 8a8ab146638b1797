import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs } from '@/db/schema';
import { TIER_LIMITS } from '@/server/platform/infra/rate-limit/config';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { payCheckout, testBilling } from '@/test/helpers/stripe';

// The subscription lifecycle through the REST API, the real Stripe SDK and the local
// emulator, whose webhooks reach the real webhook route on the test database.
const { api, db } = testApi({ billing: () => stripe.billing() });
// Read lazily by the client, so it may be defined after it.
const stripe = testBilling(db);

type Overview = {
  plan: string;
  subscription: { id: string; status: string; cancelAtPeriodEnd: boolean } | null;
  hasBillingAccount: boolean;
  usage: { apiKeys: { used: number; limit: number | null }; requests: { limit: number } | null };
};

async function signedIn() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  const as = { ...headers, cookie: user.cookie };
  const overview = async () => {
    const response = await api.rest('/billing/subscription', { headers: as });
    expect(response.status).toBe(200);
    return (await response.json()).data as Overview;
  };
  return { ...user, headers: as, overview };
}

const auditActions = async (userId: string) =>
  (
    await withServiceRole(db(), (tx) =>
      tx.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.actorId, userId)),
    )
  ).map((row) => row.action);

async function checkout(headers: Record<string, string>, plan = 'pro') {
  const response = await api.postJson('/billing/checkout', { plan, interval: 'month' }, headers);
  expect(response.status).toBe(201);
  return ((await response.json()).data as { url: string }).url;
}

describe('billing', () => {
  it('refuses the anonymous caller and bad input', async () => {
    expect((await api.rest('/billing/subscription', { headers: asNewCaller() })).status).toBe(401);
    expect((await api.postJson('/billing/checkout', { plan: 'pro' }, asNewCaller())).status).toBe(
      401,
    );
    const { headers } = await signedIn();
    const bad = await api.postJson('/billing/checkout', { plan: 'gold' }, headers);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe('plan');
    const portal = await api.postJson('/billing/portal', {}, headers);
    expect(portal.status).toBe(409);
  });

  it('checkout → paid → pro with raised limits; cancel → free again', async () => {
    const user = await signedIn();
    const before = await user.overview();
    expect(before).toMatchObject({ plan: 'free', subscription: null, hasBillingAccount: false });
    expect(before.usage.apiKeys).toEqual({ used: 0, limit: 2 });
    expect(before.usage.requests?.limit).toBe(TIER_LIMITS.free.requests);

    const url = await checkout(user.headers);
    expect(url.startsWith(stripe.emulator().url)).toBe(true);
    const paid = await payCheckout(url);
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(/\/dashboard\/billing\/success\?session_id=cs_/);
    await stripe.emulator().flushWebhooks();

    const after = await user.overview();
    expect(after).toMatchObject({ plan: 'pro', hasBillingAccount: true });
    expect(after.subscription).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect(after.usage.apiKeys.limit).toBe(20);
    expect(after.usage.requests?.limit).toBe(TIER_LIMITS.pro.requests);
    // Three keys: more than the free plan allows.
    for (const name of ['one', 'two', 'three']) {
      const created = await api.postJson(
        '/api-keys',
        { name, scopes: ['profile:read'] },
        user.headers,
      );
      expect(created.status).toBe(201);
    }
    expect((await api.postJson('/billing/checkout', { plan: 'pro' }, user.headers)).status).toBe(
      409,
    );
    const portal = await api.postJson('/billing/portal', {}, user.headers);
    expect(portal.status).toBe(201);
    expect((await portal.json()).data.url).toMatch(/\/portal\/bps_/);

    await stripe.billing().stripe.subscriptions.cancel(after.subscription!.id);
    await stripe.emulator().flushWebhooks();
    const canceled = await user.overview();
    expect(canceled.plan).toBe('free');
    expect(canceled.subscription?.status).toBe('canceled');
    expect(canceled.usage.apiKeys).toEqual({ used: 3, limit: 2 });
    const fourth = await api.postJson(
      '/api-keys',
      { name: 'four', scopes: ['profile:read'] },
      user.headers,
    );
    expect(fourth.status).toBe(403);

    const actions = await auditActions(user.userId);
    for (const action of [
      'billing.checkout_started',
      'billing.subscription_created',
      'billing.subscription_canceled',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.filter((action) => action === 'billing.plan_changed')).toHaveLength(2);
  });

  it('the success page confirms a checkout before any webhook, for its own customer only', async () => {
    stripe.emulator().setWebhookUrl(undefined);
    try {
      const user = await signedIn();
      const paid = await payCheckout(await checkout(user.headers));
      const sessionId = new URL(paid.location!).searchParams.get('session_id')!;
      expect((await user.overview()).plan).toBe('free');

      const other = await signedIn();
      await checkout(other.headers); // gives the other user a Stripe customer
      const stolen = await api.postJson(
        `/billing/checkout/${sessionId}/confirm`,
        {},
        other.headers,
      );
      expect(stolen.status).toBe(404);

      const confirmed = await api.postJson(
        `/billing/checkout/${sessionId}/confirm`,
        {},
        user.headers,
      );
      expect(confirmed.status).toBe(200);
      expect((await confirmed.json()).data.plan).toBe('pro');
      const unknown = await api.postJson(
        '/billing/checkout/cs_test_nope/confirm',
        {},
        user.headers,
      );
      expect(unknown.status).toBe(404);
    } finally {
      stripe.emulator().setWebhookUrl(stripe.webhookUrl());
    }
  });

  it('never sells a second subscription: asks Stripe, and expires the other open checkout', async () => {
    stripe.emulator().setWebhookUrl(undefined); // our copy lags behind Stripe
    try {
      const user = await signedIn();
      // Two tabs on two plans (the same plan would share one session).
      const firstTab = await checkout(user.headers, 'enterprise');
      const secondTab = await checkout(user.headers);
      expect((await payCheckout(firstTab)).status).not.toBe(303); // expired by the second
      expect((await payCheckout(secondTab)).status).toBe(303);
      expect((await user.overview()).plan).toBe('free'); // no webhook yet
      const again = await api.postJson('/billing/checkout', { plan: 'enterprise' }, user.headers);
      expect(again.status).toBe(409);
    } finally {
      stripe.emulator().setWebhookUrl(stripe.webhookUrl());
    }
  });

  it('a declined card changes nothing', async () => {
    const user = await signedIn();
    const declined = await payCheckout(await checkout(user.headers), '4000 0000 0000 0002');
    expect(declined.status).toBe(402);
    await stripe.emulator().flushWebhooks();
    expect((await user.overview()).plan).toBe('free');
  });

  it('an API key needs billing:write to start a checkout', async () => {
    const user = await signedIn();
    const created = await api.postJson(
      '/api-keys',
      { name: 'read only', scopes: ['billing:read'] },
      user.headers,
    );
    const { key } = (await created.json()).data as { key: string };
    const headers = { ...asNewCaller(), authorization: `Bearer ${key}` };
    expect((await api.rest('/billing/subscription', { headers })).status).toBe(200);
    const refused = await api.postJson('/billing/checkout', { plan: 'pro' }, headers);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.details.permission).toBe('billing:write');
  });

  it('records a failed renewal and keeps the plan while Stripe retries', async () => {
    const user = await signedIn();
    await payCheckout(await checkout(user.headers));
    await stripe.emulator().flushWebhooks();
    const { subscription } = await user.overview();
    await stripe.emulator().simulatePaymentFailure(subscription!.id);
    await stripe.emulator().flushWebhooks();
    const after = await user.overview();
    expect(after.plan).toBe('pro');
    expect(after.subscription?.status).toBe('past_due');
    const failed = await withServiceRole(db(), (tx) =>
      tx
        .select({ success: auditLogs.success })
        .from(auditLogs)
        .where(
          and(eq(auditLogs.actorId, user.userId), eq(auditLogs.action, 'billing.payment_failed')),
        ),
    );
    expect(failed).toEqual([{ success: false }]);
  });
});
