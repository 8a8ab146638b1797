import { describe, expect, it } from 'vitest';

import { NAMED_LIMITS, TIER_LIMITS } from '@/server/platform/infra/rate-limit/config';
import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema';
import { rememberPlan } from '@/server/billing/entitlements';
import { personalWorkspaceOf, signedInUser } from '@/test/helpers/accounts';
import { testApi, trpcBody } from '@/test/helpers/api-client';
import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

// Each test calls from its own address, so tests never share a counter. They do
// share the clock: windows are aligned to the epoch, so a test whose calls must
// count in one window (the tier's hour, health's minute) first waits out a window
// about to end, whatever its address.
const newCaller = () => ({ 'x-test-client-ip': uniqueClientIp() });
const HOUR = TIER_LIMITS.free.windowSeconds;

describe('rate limits through the REST and tRPC adapters', () => {
  it('sends RateLimit headers on a limited route', async () => {
    const headers = newCaller();
    await roomInWindow(HOUR, 15_000);
    const first = await api.rest('/version', { headers });
    const second = await api.rest('/version', { headers });
    const limit = TIER_LIMITS.free.requests;
    expect(first.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(limit - 1));
    expect(second.headers.get('ratelimit-remaining')).toBe(String(limit - 2));
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(first.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses the anonymous caller past the free limit with 429, Retry-After and the envelope', async () => {
    const headers = newCaller();
    const limit = TIER_LIMITS.free.requests;
    await roomInWindow(HOUR, 30_000);
    const statuses = await Promise.all(
      Array.from({ length: limit + 20 }, () =>
        api.rest('/version', { headers }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit);

    const refused = await api.rest('/version', { headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({
      success: false,
      error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } },
    });

    // tRPC maps the same refusal to its error.
    const trpc = await api.trpc('core.version', { headers });
    expect(trpc.status).toBe(429);
    expect((await trpcBody(trpc)).error.data.code).toBe('RATE_LIMITED');

    // Health has its own limit, so monitors still get an answer.
    const health = await api.rest('/health', { headers });
    expect(health.status).toBe(200);
  });

  it('gives health its own per-address limit', async () => {
    const headers = newCaller();
    const limit = NAMED_LIMITS.health.requests;
    const statuses = [];
    await roomInWindow(NAMED_LIMITS.health.windowSeconds, 15_000);
    for (let i = 0; i <= limit; i++) statuses.push((await api.rest('/health', { headers })).status);
    expect(statuses.slice(0, limit).every((status) => status === 200)).toBe(true);
    expect(statuses[limit]).toBe(429);
    // ...which leaves the caller's global budget alone.
    expect((await api.rest('/version', { headers })).status).toBe(200);
  });

  it('counts every call of a tRPC batch', async () => {
    const headers = newCaller();
    await roomInWindow(HOUR, 15_000);
    const response = await api.trpc('core.version,core.version,core.version?batch=1&input={}', {
      headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe(String(TIER_LIMITS.free.requests - 3));
  });

  it('refuses a batch above the maximum size with 400', async () => {
    const calls = Array.from({ length: 11 }, () => 'core.version').join(',');
    const response = await api.trpc(`${calls}?batch=1&input={}`, { headers: newCaller() });
    expect(response.status).toBe(400);
  });

  it('does not believe a client-supplied x-forwarded-for', async () => {
    const headers = newCaller();
    const limit = TIER_LIMITS.free.requests;
    await roomInWindow(HOUR, 30_000);
    await Promise.all(
      Array.from({ length: limit }, (_, i) =>
        api.rest('/version', { headers: { ...headers, 'x-forwarded-for': `10.0.0.${i}` } }),
      ),
    );
    const spoofed = await api.rest('/version', {
      headers: { ...headers, 'x-forwarded-for': '10.9.9.9' },
    });
    expect(spoofed.status).toBe(429);
  });

  it('follows a tier change at once for a signed-in caller', async () => {
    const { cookie, userId } = await signedInUser(api, db(), { headers: newCaller() });
    const headers = { ...newCaller(), cookie };
    await roomInWindow(HOUR, 15_000);
    const before = await api.rest('/version', { headers });
    expect(before.headers.get('ratelimit-limit')).toBe(String(TIER_LIMITS.free.requests));

    // What a billing sync does when the plan of the user's personal workspace becomes pro.
    const organizationId = await personalWorkspaceOf(db(), userId);
    await withServiceRole(db(), (tx) =>
      tx
        .insert(billingAccounts)
        .values({ organizationId, stripeCustomerId: `cus_${userId}`, plan: 'pro' }),
    );
    await rememberPlan(organizationId, 'pro');
    const after = await api.rest('/version', { headers });
    expect(after.headers.get('ratelimit-limit')).toBe(String(TIER_LIMITS.pro.requests));
    // The same bucket: what was used on free still counts on pro.
    expect(after.headers.get('ratelimit-remaining')).toBe(String(TIER_LIMITS.pro.requests - 2));
  });
});
