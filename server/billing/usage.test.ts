import { describe, expect, it } from 'vitest';

import { env } from '@/env';
import { TIER_LIMITS } from '@/server/platform/infra/rate-limit/config';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi, trpcBody } from '@/test/helpers/api-client';
import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { payCheckout, testBilling } from '@/test/helpers/stripe';

// The billing page's "Requests this hour" figure, read the way the page reads it:
// a tRPC batch that also carries another procedure with a stricter limit of its own.
const { api, db } = testApi({ billing: () => stripe.billing() });
const stripe = testBilling(db);

type Requests = { used: number; limit: number } | null;

async function signedIn() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  return { ...headers, cookie: user.cookie };
}

/** The page's batch: the overview beside health (10 a minute), as the footer once sent. */
async function requestsFigure(headers: Record<string, string>): Promise<Requests> {
  const response = await api.trpc('billing.subscription,core.health?batch=1&input={}', {
    headers,
  });
  expect(response.status).toBe(200);
  const [overview] = (await trpcBody(response)) as [
    { result: { data: { usage: { requests: Requests } } } },
  ];
  return overview.result.data.usage.requests;
}

async function subscribeToPro(headers: Record<string, string>) {
  const started = await api.postJson('/billing/checkout', { plan: 'pro' }, headers);
  expect(started.status).toBe(201);
  expect((await payCheckout((await started.json()).data.url)).status).toBe(303);
  await stripe.emulator().flushWebhooks();
}

describe('requests this hour', () => {
  it('is the free plan’s 100 an hour, counting this user’s calls, whatever shares the batch', async () => {
    const headers = await signedIn();
    // Both calls must count in one hour (windows are aligned to the epoch).
    await roomInWindow(TIER_LIMITS.free.windowSeconds, 15_000);
    const first = await requestsFigure(headers);
    expect(first).toMatchObject({ used: 1, limit: 100 * env.RATE_LIMIT_MULTIPLIER });
    // The second batch counts one more of the hour's budget; health's own
    // per-minute limit (counted per address) never replaces the figure.
    expect(await requestsFigure(headers)).toMatchObject({
      used: 2,
      limit: 100 * env.RATE_LIMIT_MULTIPLIER,
    });
  });

  it('is the Pro plan’s 1,000 an hour once subscribed', async () => {
    const headers = await signedIn();
    await roomInWindow(TIER_LIMITS.free.windowSeconds, 20_000);
    await subscribeToPro(headers);
    // Two of this user's calls so far this hour: the checkout and this batch.
    expect(await requestsFigure(headers)).toMatchObject({
      used: 2,
      limit: 1_000 * env.RATE_LIMIT_MULTIPLIER,
    });
  });

  it('is the same figure over REST, where nothing shares the request', async () => {
    const headers = await signedIn();
    const response = await api.rest('/billing/subscription', { headers });
    expect((await response.json()).data.usage.requests).toMatchObject({
      used: 1,
      limit: 100 * env.RATE_LIMIT_MULTIPLIER,
    });
  });
});
