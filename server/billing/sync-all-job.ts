import path from 'node:path';

import type Stripe from 'stripe';
import { z } from 'zod';

import { defineJob } from '@/server/platform/control/channel';
import { env } from '@/server/platform/env';

import { billingFromEnv, emulatorStripe } from './stripe-client';
import { syncAllCustomersAsService } from './sync-all';

async function answers(url: string) {
  return fetch(`${url}/v1/prices?limit=1`, {
    headers: { authorization: 'Bearer sk_test_emulator' },
    signal: AbortSignal.timeout(1_000),
  }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Stripe when configured; else the local emulator: the running app's (port PORT +
 * 9000), else, when none runs, the emulator's saved state opened here.
 */
async function stripeToSync(): Promise<{ stripe: Stripe; close: () => Promise<void> }> {
  const configured = billingFromEnv();
  if (configured) return { stripe: configured.stripe, close: async () => {} };
  const running = `http://127.0.0.1:${env.PORT + 9000}`;
  if (await answers(running)) return { stripe: emulatorStripe(running), close: async () => {} };
  // Loaded only here: the app itself never needs it.
  const { startStripeEmulator } = await import('@/server/stripe-emulator');
  const emulator = await startStripeEmulator({
    webhookSecret: 'whsec_billing_sync_sends_no_webhooks',
    stateFile: path.resolve(env.DATA_DIR, 'stripe-emulator.json'),
  });
  return { stripe: emulatorStripe(emulator.url), close: () => emulator.close() };
}

/** `npm run billing:sync`, run by the CLI or, while the app runs, inside the app. */
export const syncAllCustomersJob = defineJob({
  name: 'billing:sync',
  input: z.object({}),
  run: async ({ db }) => {
    const { stripe, close } = await stripeToSync();
    try {
      const report = await syncAllCustomersAsService(db, stripe);
      return {
        ok: report.failures.length === 0,
        message: `Synced ${report.customers} customers; ${report.planChanges} plan changes; ${report.failures.length} failures.`,
        details: report.failures.map((failure) => `  ${failure}`),
      };
    } finally {
      await close();
    }
  },
});
