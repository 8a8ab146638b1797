import { describe, expect, it } from 'vitest';

import { createRestHandler } from '@/server/adapters/rest';
import { deferredTasks } from '@/server/platform/background';
import { asNewCaller, lastMailTo, newTestEmail, TEST_PASSWORD } from '@/server/testing/accounts';
import { testApi } from '@/server/testing/api-client';

const { api, db } = testApi();

// Thirty of each, as sign-up and reset refuse a sixth request per address a minute.
const SAMPLES = 30;
const WARM_UP = 3;

/** The real REST handler, timed until its response; deferred work runs after, untimed. */
function timedApi() {
  const background = deferredTasks();
  const handler = createRestHandler({ getDb: async () => db(), defer: background.defer });
  return async (path: string, body: unknown) => {
    const request = new Request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asNewCaller() },
      body: JSON.stringify(body),
    });
    const startedAt = performance.now();
    const response = await handler(request);
    const elapsed = performance.now() - startedAt;
    expect(response.status).toBe(202);
    await background.drain();
    return elapsed;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function registeredAddresses(count: number) {
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = newTestEmail();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, asNewCaller());
    const { token } = await lastMailTo(db(), email);
    await api.postJson('/auth/verify-email', { token }, asNewCaller());
    emails.push(email);
  }
  return emails;
}

/**
 * Medians of registered and unknown addresses, sampled alternately (A, B, A, B) so
 * that a change of load on a shared machine weighs on both alike.
 */
async function medians(call: (email: string) => Promise<number>, registered: string[]) {
  for (let i = 0; i < WARM_UP; i++) {
    await call(registered.pop()!);
    await call(newTestEmail());
  }
  const times = { registered: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < SAMPLES; i++) {
    times.registered.push(await call(registered[i]!));
    times.unknown.push(await call(newTestEmail()));
  }
  return { registered: median(times.registered), unknown: median(times.unknown) };
}

/** Within a quarter of the slower one, plus 2 ms for the noise of a loaded machine. */
function expectIndistinguishable(name: string, result: { registered: number; unknown: number }) {
  const { registered, unknown } = result;
  console.info(
    `${name}: median ${registered.toFixed(1)} ms registered, ${unknown.toFixed(1)} ms unknown`,
  );
  expect(Math.abs(registered - unknown)).toBeLessThan(0.25 * Math.max(registered, unknown) + 2);
}

describe('an address’s registration does not show in response times', () => {
  it('forgot-password takes as long for a registered address as for an unknown one', async () => {
    const post = timedApi();
    const registered = await registeredAddresses(SAMPLES + WARM_UP);
    const result = await medians((email) => post('/auth/forgot-password', { email }), registered);
    expectIndistinguishable('forgot-password', result);
  });

  it('sign-up takes as long for a registered address as for a new one', async () => {
    const post = timedApi();
    const registered = await registeredAddresses(SAMPLES + WARM_UP);
    const result = await medians(
      (email) => post('/auth/sign-up', { email, password: TEST_PASSWORD }),
      registered,
    );
    expectIndistinguishable('sign-up', result);
  });
});
