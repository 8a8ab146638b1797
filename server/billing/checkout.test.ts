import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withRls, withServiceRole } from '@/db/rls';
import { auditLogs } from '@/db/schema';
import { appUrl } from '@/server/platform/http/app-url';
import { asNewCaller, personalWorkspaceOf, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { testScope } from '@/test/helpers/scope';
import { payCheckout, testBilling } from '@/test/helpers/stripe';

import type { BillingCall } from './billing-call';
import { startCheckout } from './checkout';
import { openCheckoutSession } from './checkout-session';
import { ensureStripeCustomer, stripeCustomerIdOf } from './customer';
import { stripePriceIds } from './plans';

// Checkout against the local emulator: concurrent and repeated requests by one user
// end on one payable session, never on a 5xx or a page that can no longer be paid.
const { api, db } = testApi({ billing: () => stripe.billing() });
const stripe = testBilling(db);

async function newUser() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  const organizationId = await personalWorkspaceOf(db(), user.userId);
  const call: BillingCall = {
    userId: user.userId,
    email: user.email,
    organizationId,
    billingPath: '/dashboard/billing',
    stripe: stripe.billing().stripe,
    db: db(),
    rls: (fn) => withRls(db(), { role: 'authenticated', sub: user.userId }, fn),
    audit: testScope(),
    returnUrl: appUrl,
  };
  return { ...user, organizationId, call, headers: { ...headers, cookie: user.cookie } };
}

const openSessionsOf = async (organizationId: string) => {
  const customer = await stripeCustomerIdOf(db(), organizationId);
  const list = await stripe
    .billing()
    .stripe.checkout.sessions.list({ customer: customer!, status: 'open' });
  return list.data.map((session) => session.url);
};

const checkoutsStarted = async (userId: string) =>
  withServiceRole(db(), (tx) =>
    tx
      .select({ id: auditLogs.resourceId })
      .from(auditLogs)
      .where(and(eq(auditLogs.actorId, userId), eq(auditLogs.action, 'billing.checkout_started'))),
  );

const pro = { plan: 'pro', interval: 'month' } as const;

describe('concurrent checkouts by one user', () => {
  it('six at once in one process: all get the same session, and only one exists', async () => {
    const user = await newUser();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => startCheckout(user.call, pro)),
    );
    const urls = results.map((result) => (result.status === 'fulfilled' ? result.value.url : null));
    expect(new Set(urls)).toEqual(new Set([urls[0]]));
    expect(urls[0]).toMatch(/\/checkout\/cs_/);
    expect(await openSessionsOf(user.organizationId)).toEqual([urls[0]]);
    expect(await checkoutsStarted(user.userId)).toHaveLength(1);
  });

  it('six at once from six instances (no shared memory): one session, or a clean 409', async () => {
    const user = await newUser();
    const customer = await ensureStripeCustomer(db(), user.call.stripe, user.call, user.call.audit);
    const purchase = {
      organizationId: user.organizationId,
      userId: user.userId,
      plan: 'pro',
      price: stripePriceIds().pro.month,
      seats: 1,
      returnUrl: appUrl,
      billingPath: '/dashboard/billing',
    };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => openCheckoutSession(user.call.stripe, customer, purchase)),
    );
    const urls = new Set<string>();
    for (const result of results) {
      if (result.status === 'fulfilled') urls.add(result.value.url);
      else expect(result.reason).toMatchObject({ appCode: 'CONFLICT' });
    }
    expect(urls.size).toBe(1);
    expect(await openSessionsOf(user.organizationId)).toEqual([...urls]);
    // Stripe created it once and replayed it (or handed it out again) to the rest.
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.created)).toHaveLength(1);
  });

  it('six at once over REST: never a 5xx; every success carries the same URL', async () => {
    const user = await newUser();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => api.postJson('/billing/checkout', pro, user.headers)),
    );
    // 429: the checkout limit (3 a minute per user) refuses the rest, cleanly.
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => [201, 409, 429].includes(status))).toBe(true);
    const urls = await Promise.all(
      responses
        .filter((response) => response.status === 201)
        .map(async (response) => (await response.json()).data.url as string),
    );
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls).size).toBe(1);
    expect(await openSessionsOf(user.organizationId)).toEqual([urls[0]]);
  });
});

describe('where Stripe sends the browser back', () => {
  it('on a local app without APP_URL, to the address the browser used (its cookie lives there)', async () => {
    const user = await newUser();
    const at127 = { ...user.headers, host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' };
    expect((await api.postJson('/billing/checkout', pro, at127)).status).toBe(201);
    const customer = await stripeCustomerIdOf(db(), user.organizationId);
    const [session] = (
      await stripe.billing().stripe.checkout.sessions.list({ customer: customer!, status: 'open' })
    ).data;
    expect(session!.success_url).toMatch(
      /^http:\/\/127\.0\.0\.1:3000\/dashboard\/billing\/success\?/,
    );
    expect(session!.cancel_url).toBe('http://127.0.0.1:3000/dashboard/billing');
  });
});

describe('repeated checkouts', () => {
  it('reuses the open session for the same price; another price replaces it', async () => {
    const user = await newUser();
    const first = await startCheckout(user.call, pro);
    expect(await startCheckout(user.call, pro)).toEqual(first);

    const yearly = await startCheckout(user.call, { plan: 'pro', interval: 'year' });
    expect(yearly.url).not.toBe(first.url);
    expect(await openSessionsOf(user.organizationId)).toEqual([yearly.url]);

    // Back to monthly: a new session, never a replay of the expired first one.
    const monthlyAgain = await startCheckout(user.call, pro);
    expect(monthlyAgain.url).not.toBe(first.url);
    expect(await openSessionsOf(user.organizationId)).toEqual([monthlyAgain.url]);
    expect((await payCheckout(first.url)).status).not.toBe(303);
    expect((await payCheckout(monthlyAgain.url)).status).toBe(303);
    expect(await checkoutsStarted(user.userId)).toHaveLength(3);
  });

  it('after a cancellation, buying again opens a new session, not the paid one', async () => {
    const user = await newUser();
    const first = await startCheckout(user.call, pro);
    const paid = await payCheckout(first.url);
    const sessionId = new URL(paid.location!).searchParams.get('session_id')!;
    const session = await user.call.stripe.checkout.sessions.retrieve(sessionId);
    await user.call.stripe.subscriptions.cancel(session.subscription as string);

    const again = await startCheckout(user.call, pro);
    expect(again.url).not.toBe(first.url);
    expect((await payCheckout(again.url)).status).toBe(303);
  });
});
