import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startStripeEmulator } from '@lean-saas/stripe-emulator';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openEmbeddedDatabase } from '@/db/embedded';
import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema';
import { signUpAsService } from '@/server/auth/built-in/sign-up';
import { personalWorkspaceOf, TEST_PASSWORD } from '@/test/helpers/accounts';
import { runCli } from '@/test/helpers/run-cli';

import { emulatorStripe } from './stripe-client';

// `npm run billing:sync` with the app stopped and no Stripe configured: the CLI
// starts the local emulator as a process of its own (the product never imports it),
// on the state the app's emulator saved in DATA_DIR, syncs, and stops it.

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A PORT whose emulator port (PORT + 9000) nobody listens on, so no running app is found. */
async function portWithoutEmulator() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port - 9000;
}

/** `npm run billing:sync` with no Stripe configured, on the app's port `port`. */
const runSyncCli = (dataDir: string, port: number, extraEnv: Record<string, string> = {}) =>
  runCli('server/billing/sync-all-cli.ts', [], dataDir, {
    PORT: String(port),
    STRIPE_SECRET_KEY: undefined,
    STRIPE_EMULATOR_URL: undefined,
    APP_URL: undefined,
    VERCEL: undefined,
    ...extraEnv,
  });

describe('npm run billing:sync with the app stopped', () => {
  it(
    'starts the emulator process on the saved state and syncs from it',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'leansaas-billing-sync-'));
      dirs.push(dataDir);

      // What a stopped app leaves behind: a Pro subscription in the emulator's state
      // file whose webhook never arrived, so the database still says Free.
      const emulator = await startStripeEmulator({
        webhookSecret: 'whsec_test',
        stateFile: path.join(dataDir, 'stripe-emulator.json'),
      });
      const stripe = emulatorStripe(emulator.url);
      const customer = await stripe.customers.create({ email: 'sync@example.com' });
      await stripe.subscriptions.create({
        customer: customer.id,
        items: [{ price: 'price_pro_monthly' }],
      });
      await emulator.close();

      const app = await openEmbeddedDatabase(dataDir);
      const { userId } = await signUpAsService(
        app.db,
        { email: `sync-${randomUUID()}@example.com`, password: TEST_PASSWORD },
        { requestId: 'test', clientIp: null, userAgent: null },
      );
      const organizationId = await personalWorkspaceOf(app.db, userId!);
      await withServiceRole(app.db, (tx) =>
        tx.insert(billingAccounts).values({ organizationId, stripeCustomerId: customer.id }),
      );
      await app.close();

      const result = await runSyncCli(dataDir, await portWithoutEmulator());
      expect(result).toEqual({
        code: 0,
        // Only the job's line: the emulator's own "listening" line stays out of it.
        stdout: 'Synced 1 customers; 1 plan changes; 0 seat changes; 0 failures.\n',
        stderr: '',
      });

      const after = await openEmbeddedDatabase(dataDir);
      try {
        const [account] = await withServiceRole(after.db, (tx) =>
          tx
            .select()
            .from(billingAccounts)
            .where(eq(billingAccounts.organizationId, organizationId)),
        );
        expect(account?.plan).toBe('pro');
      } finally {
        await after.close();
      }
    },
  );

  it('starts no stand-in for a deployed app, and says why', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'leansaas-billing-sync-'));
    dirs.push(dataDir);
    const result = await runSyncCli(dataDir, await portWithoutEmulator(), {
      APP_URL: 'https://app.example.com',
    });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'STRIPE_SECRET_KEY is not set: there is no Stripe to sync from.\n',
    });
  });
});
