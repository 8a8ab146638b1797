import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { exitCode, spawnServer, waitUntilUp, type SpawnedServer } from '../support/spawn-server';

// The same build started as a deployed app (a public APP_URL) without the providers'
// variables: none of the local stand-ins may run.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const base = `http://127.0.0.1:${PORT}`;
const deployed = (extra: Record<string, string> = {}) =>
  spawnServer({
    PORT: String(PORT),
    APP_URL: 'https://app.example.com',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'leansaas-deployed-')),
    LOG_LEVEL: 'info',
    ...extra,
  });

test.describe('a deployed app without provider keys', () => {
  test.describe.configure({ mode: 'serial' });
  let server: SpawnedServer | undefined;
  test.afterEach(() => server?.stop());

  test('stops at start, naming every missing variable, and starts no emulator', async () => {
    server = deployed();
    expect(await exitCode(server, 60)).toBe(1);
    expect(server.output()).toContain('RESEND_API_KEY');
    expect(server.output()).toContain('REDIS_URL');
    expect(server.output()).toContain('TWO_FACTOR_ENCRYPTION_KEY');
    expect(server.output()).not.toContain('Stripe emulator');
    expect(server.output()).not.toContain('oauth-emulator');
    // The emulator's port (PORT + 9000) was never opened.
    const emulator = await fetch(`http://127.0.0.1:${PORT + 9000}/v1/prices`).then(
      () => 'up',
      () => 'down',
    );
    expect(emulator).toBe('down');
  });

  test('with mail and limits configured: no mailbox, no emulator, billing visibly off', async () => {
    // The mail provider is never reached here: nothing in this test sends mail.
    server = deployed({
      RESEND_API_KEY: 're_deployed_test_only',
      RATE_LIMIT_STORE: 'memory',
      TWO_FACTOR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    await waitUntilUp(`${base}/api/v1/health`, server);
    expect((await fetch(`${base}/dev/mailbox`)).status).toBe(404);
    expect((await fetch(`${base}/dev/mailbox/${randomUUID()}/html`)).status).toBe(404);
    expect(server.output()).not.toContain('dev mailbox');
    // Nor the local identity provider: no GitHub or Google without their client ids.
    expect(server.output()).not.toContain('oauth-emulator');
    const plans = await fetch(`${base}/api/v1/billing/plans`);
    expect(plans.status).toBe(200);
    const emulator = await fetch(`http://127.0.0.1:${PORT + 9000}/v1/prices`).then(
      () => 'up',
      () => 'down',
    );
    expect(emulator).toBe('down');
    expect(server.output()).toContain('Billing is off');
    const pricing = await (await fetch(`${base}/pricing`)).text();
    expect(pricing).toContain('Billing is not configured on this deployment');
    // No upgrade button: its words with a plan's name (the message itself, "Upgrade to
    // {plan}", travels with the page for the client's billing buttons).
    expect(pricing).not.toMatch(/Upgrade to (Pro|Enterprise)/);
  });
});
