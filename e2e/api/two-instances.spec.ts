import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { expect, request as newRequest, test } from '@playwright/test';

import { e2eDatabaseUrl, E2E_RATE_LIMIT_MULTIPLIER } from '../support/environment';
import { signedInCookie } from '../support/mailbox';

// A second production process on the same database (and Redis, when set). Two
// processes cannot share the embedded database, so this runs where the e2e server
// uses a Postgres server (TEST_DATABASE_URL), as in CI's second run.
const databaseUrl = e2eDatabaseUrl();
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const second = `http://127.0.0.1:${SECOND_PORT}`;

test.describe('two instances', () => {
  // Not a way to get green: two processes cannot share the embedded database, so the
  // scenario exists only on a Postgres server; CI's second run always has one.
  test.skip(!databaseUrl, 'two instances need a shared Postgres server (TEST_DATABASE_URL)');
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    server = spawn('node', ['server.mjs'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(SECOND_PORT),
        DATABASE_URL: databaseUrl,
        REDIS_KEY_PREFIX: process.env.E2E_REDIS_KEY_PREFIX,
        RATE_LIMIT_MULTIPLIER: String(E2E_RATE_LIMIT_MULTIPLIER),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let attempt = 0; attempt < 120; attempt++) {
      const up = await fetch(`${second}/api/v1/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the second instance did not start');
  });

  test.afterAll(async () => {
    server?.kill('SIGTERM');
  });

  test('an API key revoked through one instance is refused by the other within 5 s', async ({
    request,
  }) => {
    const cookie = await signedInCookie(request, `two-${randomUUID()}@example.com`);
    const created = await request.post('/api/v1/api-keys', {
      headers: { cookie },
      data: { name: 'two instances', scopes: ['profile:read'] },
    });
    const { key, apiKey } = (await created.json()).data;

    const other = await newRequest.newContext({ baseURL: second });
    const viaOther = () => other.get('/api/v1/me', { headers: { 'x-api-key': key } });
    // The other instance verifies the key and now holds it in its cache.
    expect((await viaOther()).status()).toBe(200);
    expect((await viaOther()).status()).toBe(200);

    const revoked = await request.delete(`/api/v1/api-keys/${apiKey.id}`, { headers: { cookie } });
    expect(revoked.status()).toBe(200);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 10_000) {
      status = (await viaOther()).status();
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(401);
    // The cache's stated bound, plus a little for the polling and the request itself.
    expect(Date.now() - revokedAt).toBeLessThan(5_000 + 1_000);
    await other.dispose();
  });
});
