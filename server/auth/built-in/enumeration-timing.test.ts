import { describe, expect, it } from 'vitest';

import { createRestHandler } from '@/server/adapters/rest';
import { deferredTasks } from '@/server/platform/http/background';
import { pipelineDeps } from '@/server/pipeline-deps';
import { asNewCaller, lastMailTo, newTestEmail, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { countingDb } from '@/test/helpers/counting-db';

const { api, db } = testApi();

// Thirty of each, as sign-up, reset and sign-in mails refuse a sixth request per address.
const SAMPLES = 30;
const WARM_UP = 3;

type Sample = { ms: number; transactions: number };

/**
 * The real REST handler, timed until its response, with the database transactions
 * it opened by then; deferred work runs after, untimed, as after() runs it.
 */
function timedApi() {
  const background = deferredTasks();
  const { counted, counter } = countingDb(db());
  const handler = createRestHandler(
    pipelineDeps({ getDb: async () => counted, defer: background.defer }),
  );
  return async (path: string, body: unknown): Promise<Sample> => {
    const request = new Request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asNewCaller() },
      body: JSON.stringify(body),
    });
    const transactionsBefore = counter.transactions;
    const startedAt = performance.now();
    const response = await handler(request);
    const ms = performance.now() - startedAt;
    const transactions = counter.transactions - transactionsBefore;
    expect(response.status).toBe(202);
    await background.drain();
    return { ms, transactions };
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
 * Registered and unknown addresses sampled alternately (A, B, A, B), so a change of
 * load on a shared machine weighs on both alike; compared by the median of the
 * paired differences, which that drift cancels out of.
 */
async function compare(call: (email: string) => Promise<Sample>, registered: string[]) {
  for (let i = 0; i < WARM_UP; i++) {
    await call(registered.pop()!);
    await call(newTestEmail());
  }
  const pairs: Array<{ registered: Sample; unknown: Sample }> = [];
  for (let i = 0; i < SAMPLES; i++) {
    pairs.push({ registered: await call(registered[i]!), unknown: await call(newTestEmail()) });
  }
  return {
    registered: median(pairs.map((pair) => pair.registered.ms)),
    unknown: median(pairs.map((pair) => pair.unknown.ms)),
    difference: median(pairs.map((pair) => pair.registered.ms - pair.unknown.ms)),
    transactions: new Set(
      pairs.flatMap((pair) => [pair.registered, pair.unknown].map((s) => s.transactions)),
    ),
  };
}

/**
 * The same database work before the answer, always (exact); and times within a
 * quarter of the slower median plus 2 ms (noise on a loaded two-core machine).
 */
function expectIndistinguishable(name: string, result: Awaited<ReturnType<typeof compare>>) {
  const { registered, unknown, difference } = result;
  console.info(
    `${name}: median ${registered.toFixed(1)} ms registered, ${unknown.toFixed(1)} ms unknown ` +
      `(paired difference ${difference.toFixed(1)} ms)`,
  );
  expect(result.transactions.size).toBe(1);
  expect(Math.abs(difference)).toBeLessThan(0.25 * Math.max(registered, unknown) + 2);
}

describe('an address’s registration does not show in response times', () => {
  it('forgot-password takes as long for a registered address as for an unknown one', async () => {
    const post = timedApi();
    const registered = await registeredAddresses(SAMPLES + WARM_UP);
    const result = await compare((email) => post('/auth/forgot-password', { email }), registered);
    expectIndistinguishable('forgot-password', result);
  });

  it('a sign-in mail request takes as long for a registered address as for an unknown one', async () => {
    const post = timedApi();
    const registered = await registeredAddresses(SAMPLES + WARM_UP);
    const result = await compare((email) => post('/auth/email-sign-in', { email }), registered);
    expectIndistinguishable('email-sign-in', result);
  });

  it('sign-up takes as long for a registered address as for a new one', async () => {
    const post = timedApi();
    const registered = await registeredAddresses(SAMPLES + WARM_UP);
    const result = await compare(
      (email) => post('/auth/sign-up', { email, password: TEST_PASSWORD }),
      registered,
    );
    expectIndistinguishable('sign-up', result);
  });
});
